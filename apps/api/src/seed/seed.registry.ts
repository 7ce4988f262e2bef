import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DemoAccounts } from './demo-accounts';

export interface DemoSeeder {
  /** Lower runs first (wiki before blockers, for example). */
  order: number;
  name: string;
  seed(manager: EntityManager, accounts: DemoAccounts): Promise<void>;
}

/** Features register their demo content here (in onModuleInit); SeedService runs them once. */
@Injectable()
export class SeedRegistry {
  readonly seeders: DemoSeeder[] = [];

  register(seeder: DemoSeeder): void {
    this.seeders.push(seeder);
    this.seeders.sort((a, b) => a.order - b.order);
  }
}
