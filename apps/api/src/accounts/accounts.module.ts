import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerritoriesModule } from '../territories/territories.module';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { TerritoryEmailDomain } from './memberships/email-domain.entity';
import { LoginThrottle } from './login-throttle.entity';
import { LoginThrottleService } from './login-throttle';
import { MembershipRights } from './memberships/membership-rights';
import { Membership } from './memberships/membership.entity';
import { MembershipsResolver, UserBadgeResolver, UserMembershipsResolver } from './memberships/memberships.resolver';
import { MembershipNotificationsHandler } from './memberships/membership-notifications.handler';
import { MembershipsService } from './memberships/memberships.service';
import { AccountSettingsResolver } from './settings/account-settings.resolver';
import { AccountSettingsService } from './settings/account-settings.service';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataService } from './personal-data.service';
import { Session } from './session.entity';
import { SessionPurgeService } from './session-purge.service';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, Membership, TerritoryEmailDomain, LoginThrottle]), TerritoriesModule],
  providers: [
    AccountsService,
    SessionsService,
    AccountsResolver,
    PersonalDataService,
    PersonalDataResolver,
    SessionPurgeService,
    MembershipRights,
    LoginThrottleService,
    MembershipsService,
    MembershipNotificationsHandler,
    MembershipsResolver,
    UserMembershipsResolver,
    UserBadgeResolver,
    AccountSettingsService,
    AccountSettingsResolver,
  ],
  exports: [AccountsService, SessionsService, MembershipsService, MembershipRights],
})
export class AccountsModule {}
