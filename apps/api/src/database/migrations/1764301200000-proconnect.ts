import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

/**
 * ProConnect: `territory.siren` (filled by the territory import), `session.idToken` (to end the
 * provider's session at logout) and `user_identity` (ProConnect `sub` → account).
 */
export class Proconnect1764301200000 implements MigrationInterface {
  name = 'Proconnect1764301200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    // Plain ADD COLUMN (SQLite and PostgreSQL): TypeORM's SQLite addColumn recreates the table, and
    // dropping "territory" with foreign keys on would null every user's territoryCode.
    await queryRunner.query(`ALTER TABLE "territory" ADD COLUMN "siren" varchar(9)`);
    await queryRunner.createIndex('territory', new TableIndex({ columnNames: ['siren'] }));
    await queryRunner.query(`ALTER TABLE "session" ADD COLUMN "idToken" text`);
    await queryRunner.createTable(
      new Table({
        name: 'user_identity',
        columns: [c.id(), c.int('userId'), c.varchar('provider', 32), c.varchar('subject', 255), c.createdAt()],
        indices: [new TableIndex({ columnNames: ['provider', 'subject'], isUnique: true }), new TableIndex({ columnNames: ['userId'] })],
        foreignKeys: [new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('user_identity');
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "idToken"`);
    const table = await queryRunner.getTable('territory');
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'siren');
    if (index) await queryRunner.dropIndex('territory', index);
    await queryRunner.query(`ALTER TABLE "territory" DROP COLUMN "siren"`);
  }
}
