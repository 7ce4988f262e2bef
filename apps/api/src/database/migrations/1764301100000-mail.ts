import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

/** Mail: outbox, single-use tokens, notification e-mail preferences, language, digest log. */
export class Mail1764301100000 implements MigrationInterface {
  name = 'Mail1764301100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const userFk = () =>
      new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    await queryRunner.createTable(
      new Table({
        name: 'mail_outbox',
        columns: [
          c.id(),
          c.varchar('messageId', 200),
          c.varchar('category', 32),
          c.text('message'),
          c.int('attempts', { default: 0 }),
          c.timestamp('notBefore', { isNullable: true }),
          c.varchar('lastError', 300, { isNullable: true }),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['messageId'], isUnique: true }), new TableIndex({ columnNames: ['notBefore'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mail_token',
        columns: [
          c.id(),
          c.int('userId'),
          c.varchar('purpose', 16),
          c.varchar('tokenHash', 64),
          c.varchar('email', 254),
          c.timestamp('expiresAt'),
          c.timestamp('usedAt', { isNullable: true }),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['tokenHash'], isUnique: true }), new TableIndex({ columnNames: ['userId', 'purpose'] })],
        foreignKeys: [userFk()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_preference',
        columns: [c.id(), c.int('userId'), c.varchar('kind', 32), c.varchar('mode', 16)],
        indices: [new TableIndex({ columnNames: ['userId', 'kind'], isUnique: true })],
        foreignKeys: [userFk()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mail_settings',
        columns: [{ ...c.int('userId'), isPrimary: true }, c.varchar('language', 2, { default: "'fr'" })],
        foreignKeys: [userFk()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mail_digest',
        columns: [c.id(), c.int('userId'), c.varchar('period', 16), c.int('items', { default: 0 }), c.createdAt()],
        indices: [new TableIndex({ columnNames: ['userId', 'period'], isUnique: true })],
        foreignKeys: [userFk()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['mail_digest', 'mail_settings', 'notification_preference', 'mail_token', 'mail_outbox']) await queryRunner.dropTable(table);
  }
}
