import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({ name: 'app_meta', columns: [{ ...c.varchar('key', 64), isPrimary: true }, c.text('value')] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'territory',
        columns: [
          { ...c.varchar('code', 12), isPrimary: true },
          c.varchar('name', 200),
          c.varchar('kind', 16),
          c.int('population', { isNullable: true }),
          c.varchar('departementCode', 12, { isNullable: true }),
          c.varchar('epciCode', 12, { isNullable: true }),
          c.varchar('regionCode', 12, { isNullable: true }),
          c.varchar('searchName', 200),
        ],
      }),
    );
    await queryRunner.createIndices('territory', [
      new TableIndex({ columnNames: ['kind', 'departementCode'] }),
      new TableIndex({ columnNames: ['departementCode'] }),
      new TableIndex({ columnNames: ['epciCode'] }),
      new TableIndex({ columnNames: ['searchName'] }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'user',
        columns: [
          c.id(),
          c.varchar('email', 254),
          c.varchar('displayName', 80),
          c.varchar('passwordHash', 200),
          c.varchar('role', 16, { default: "'MEMBER'" }),
          c.varchar('territoryCode', 12, { isNullable: true }),
          c.int('failedLogins', { default: 0 }),
          c.timestamp('lockedUntil', { isNullable: true }),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['email'], isUnique: true })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['territoryCode'], referencedTableName: 'territory', referencedColumnNames: ['code'], onDelete: 'SET NULL' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'session',
        columns: [
          { ...c.varchar('idHash', 64), isPrimary: true },
          c.int('userId'),
          c.createdAt(),
          c.timestamp('lastSeenAt'),
          c.timestamp('expiresAt'),
        ],
        indices: [new TableIndex({ columnNames: ['userId'] }), new TableIndex({ columnNames: ['expiresAt'] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['session', 'user', 'territory', 'app_meta']) await queryRunner.dropTable(table);
  }
}
