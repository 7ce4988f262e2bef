import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

/** Commitments of seminars, the sheets that implement them, and their milestones. */
export class Commitments1764301050000 implements MigrationInterface {
  name = 'Commitments1764301050000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const fk = (column: string, table: string, onDelete: string, referenced = 'id') =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [referenced], onDelete });
    await queryRunner.createTable(
      new Table({
        name: 'commitment',
        columns: [
          c.id(),
          c.int('seminarId'),
          c.int('stakeId'),
          c.varchar('title', 1000),
          c.varchar('status', 16, { default: "'TO_START'" }),
          c.varchar('statusReason', 500, { isNullable: true }),
          c.varchar('leadTerritoryCode', 12, { isNullable: true }),
          c.varchar('contact', 200, { isNullable: true }),
          c.timestamp('targetDate', { isNullable: true }),
          c.varchar('progressMode', 16, { default: "'FROM_PROJECTS'" }),
          c.int('manualProgress', { default: 0 }),
          c.text('backing'),
          c.int('createdById', { isNullable: true }),
          c.createdAt(),
          c.timestamp('updatedAt'),
        ],
        indices: [new TableIndex({ columnNames: ['seminarId'] }), new TableIndex({ columnNames: ['stakeId'], isUnique: true })],
        foreignKeys: [fk('seminarId', 'seminar', 'CASCADE'), fk('stakeId', 'seminar_stake', 'CASCADE'), fk('leadTerritoryCode', 'territory', 'SET NULL', 'code')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'commitment_project',
        columns: [c.id(), c.int('commitmentId'), c.int('projectId'), c.int('linkedById', { isNullable: true }), c.createdAt()],
        indices: [new TableIndex({ columnNames: ['commitmentId', 'projectId'], isUnique: true }), new TableIndex({ columnNames: ['projectId'] })],
        foreignKeys: [fk('commitmentId', 'commitment', 'CASCADE'), fk('projectId', 'project', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'commitment_milestone',
        columns: [c.id(), c.int('commitmentId'), c.varchar('title', 300), c.timestamp('dueDate'), c.timestamp('doneAt', { isNullable: true })],
        indices: [new TableIndex({ columnNames: ['commitmentId'] })],
        foreignKeys: [fk('commitmentId', 'commitment', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('commitment_milestone');
    await queryRunner.dropTable('commitment_project');
    await queryRunner.dropTable('commitment');
  }
}
