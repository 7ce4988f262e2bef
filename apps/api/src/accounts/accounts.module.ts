import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerritoriesModule } from '../territories/territories.module';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataService } from './personal-data.service';
import { Session } from './session.entity';
import { SessionPurgeService } from './session-purge.service';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session]), TerritoriesModule],
  providers: [AccountsService, SessionsService, AccountsResolver, PersonalDataService, PersonalDataResolver, SessionPurgeService],
  exports: [AccountsService, SessionsService],
})
export class AccountsModule {}
