import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

export class Blockers1764300600000 implements MigrationInterface {
  name = 'Blockers1764300600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'blocker',
        columns: [
          c.id(),
          c.int('projectId'),
          c.varchar('category', 32),
          c.varchar('severity', 16),
          c.varchar('status', 16, { default: "'OPEN'" }),
          c.text('description'),
          c.bool('confidential', false),
          c.text('resolution', { isNullable: true }),
          c.timestamp('openedAt'),
          c.timestamp('resolvedAt', { isNullable: true }),
          c.int('reportedById', { isNullable: true }),
          c.int('resolvedById', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ columnNames: ['projectId', 'status'] }),
          new TableIndex({ columnNames: ['category', 'status'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['projectId'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['reportedById'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
          new TableForeignKey({ columnNames: ['resolvedById'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'blocker_event',
        columns: [
          c.id(),
          c.int('blockerId'),
          c.varchar('previousStatus', 16, { isNullable: true }),
          c.varchar('status', 16),
          c.text('resolution', { isNullable: true }),
          c.text('comment', { isNullable: true }),
          c.int('authorId', { isNullable: true }),
          c.timestamp('at'),
        ],
        indices: [new TableIndex({ columnNames: ['blockerId', 'at'] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['blockerId'], referencedTableName: 'blocker', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['authorId'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('blocker_event');
    await queryRunner.dropTable('blocker');
  }
}
