import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

/**
 * Memberships of territories (PENDING until verified), official e-mail domains per territory,
 * `user.emailVerifiedAt` and `user.handle`. A territory chosen before this migration was a mere
 * claim: it becomes a PENDING membership, never a verified one.
 */
export class Memberships1764301000000 implements MigrationInterface {
  name = 'Memberships1764301000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const fk = (column: string, table: string, onDelete: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [table === 'territory' ? 'code' : 'id'], onDelete });
    await queryRunner.createTable(
      new Table({
        name: 'membership',
        columns: [
          c.id(),
          c.int('userId'),
          c.varchar('territoryCode', 12),
          c.varchar('status', 16),
          c.varchar('method', 16, { isNullable: true }),
          c.varchar('capacity', 16, { default: "'AGENT'" }),
          c.bool('manager', false),
          c.varchar('reason', 500, { isNullable: true }),
          c.int('decidedById', { isNullable: true }),
          c.timestamp('decidedAt', { isNullable: true }),
          c.createdAt(),
        ],
        indices: [
          new TableIndex({ columnNames: ['userId', 'territoryCode'], isUnique: true }),
          new TableIndex({ columnNames: ['territoryCode', 'status'] }),
        ],
        foreignKeys: [fk('userId', 'user', 'CASCADE'), fk('territoryCode', 'territory', 'CASCADE'), fk('decidedById', 'user', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'territory_email_domain',
        columns: [c.id(), c.varchar('domain', 253), c.varchar('territoryCode', 12), c.int('createdById', { isNullable: true }), c.createdAt()],
        indices: [new TableIndex({ columnNames: ['domain'], isUnique: true }), new TableIndex({ columnNames: ['territoryCode'] })],
        foreignKeys: [fk('territoryCode', 'territory', 'CASCADE')],
      }),
    );
    await queryRunner.addColumn('user', new TableColumn(c.timestamp('emailVerifiedAt', { isNullable: true })));
    await queryRunner.addColumn('user', new TableColumn(c.varchar('handle', 40, { isNullable: true })));
    await queryRunner.query(`UPDATE "user" SET "handle" = 'membre-' || "id"`);
    await queryRunner.createIndex('user', new TableIndex({ columnNames: ['handle'], isUnique: true }));
    await queryRunner.createTable(
      new Table({
        name: 'login_throttle',
        columns: [c.varchar('keyHash', 64, { isPrimary: true }), c.int('failures', { default: 0 }), c.timestamp('blockedUntil', { isNullable: true }), c.timestamp('updatedAt')],
      }),
    );
    // Account locks are replaced by login_throttle (a lock a stranger could hold on anyone's account).
    await queryRunner.dropColumn('user', 'failedLogins');
    await queryRunner.dropColumn('user', 'lockedUntil');
    await queryRunner.query(
      `INSERT INTO "membership" ("userId", "territoryCode", "status", "capacity", "manager")
       SELECT "id", "territoryCode", 'PENDING', 'AGENT', ${c.bool('x', false).default} FROM "user" WHERE "territoryCode" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumn('user', new TableColumn(c.int('failedLogins', { default: 0 })));
    await queryRunner.addColumn('user', new TableColumn(c.timestamp('lockedUntil', { isNullable: true })));
    await queryRunner.dropTable('login_throttle');
    const user = await queryRunner.getTable('user');
    const handleIndex = user?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'handle');
    if (handleIndex) await queryRunner.dropIndex('user', handleIndex);
    await queryRunner.dropColumn('user', 'handle');
    await queryRunner.dropColumn('user', 'emailVerifiedAt');
    await queryRunner.dropTable('territory_email_domain');
    await queryRunner.dropTable('membership');
  }
}
