import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts.module';
import { TerritoriesModule } from '../../territories/territories.module';
import { ProconnectAccountsService } from './proconnect-accounts.service';
import { ProconnectClient } from './proconnect-client';
import { ProconnectController } from './proconnect.controller';
import { ProconnectResolver } from './proconnect.resolver';

/** Logging in with ProConnect, the State's identity provider for public agents (docs/security.md). */
@Module({
  imports: [AccountsModule, TerritoriesModule],
  controllers: [ProconnectController],
  providers: [ProconnectClient, ProconnectAccountsService, ProconnectResolver],
})
export class ProconnectModule {}
