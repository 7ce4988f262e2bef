import { Column, DataSource, DataSourceOptions, Entity, EntityManager, PrimaryGeneratedColumn } from 'typeorm';
import { DomainEvents } from '../events/domain-events.service';

/** A throwaway row for handler tests: any public content write. */
@Entity('test_note')
export class TestNote {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  text: string;
}

/**
 * A real in-memory SQLite database with the domain-event port installed, for the unit tests
 * of the port and its handlers. `entities` are created by synchronize.
 */
export async function sqliteWithEvents(
  entities: Extract<DataSourceOptions['entities'], unknown[]> = [],
): Promise<{ dataSource: DataSource; events: DomainEvents; close(): Promise<void> }> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [TestNote, ...entities], synchronize: true });
  await dataSource.initialize();
  const events = new DomainEvents(dataSource);
  return {
    dataSource,
    events,
    async close() {
      events.onApplicationShutdown();
      await dataSource.destroy();
    },
  };
}

/** Runs `work` in a transaction that is then rolled back; any other error is thrown. */
export async function rolledBack(dataSource: DataSource, work: (manager: EntityManager) => Promise<unknown>): Promise<void> {
  const rollback = new Error('roll back');
  try {
    await dataSource.transaction(async (manager) => {
      await work(manager);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
    return;
  }
  throw new Error('the transaction was not rolled back');
}
