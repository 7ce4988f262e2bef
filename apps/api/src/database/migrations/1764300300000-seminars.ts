import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class Seminars1764300300000 implements MigrationInterface {
  name = 'Seminars1764300300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'seminar',
        columns: [
          c.id(),
          c.varchar('title', 200),
          c.timestamp('date'),
          c.varchar('place', 200, { isNullable: true }),
          c.varchar('joinCode', 12),
          c.int('createdById', { isNullable: true }),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['joinCode'], isUnique: true }), new TableIndex({ columnNames: ['createdById'] })],
        foreignKeys: [fk('createdById', 'user', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'seminar_facilitator',
        columns: [c.id(), c.int('seminarId'), c.int('userId')],
        indices: [new TableIndex({ columnNames: ['seminarId', 'userId'], isUnique: true }), new TableIndex({ columnNames: ['userId'] })],
        foreignKeys: [fk('seminarId', 'seminar', 'CASCADE'), fk('userId', 'user', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'seminar_group',
        columns: [c.id(), c.int('seminarId'), c.varchar('name', 80), c.int('position', { default: 0 })],
        indices: [new TableIndex({ columnNames: ['seminarId', 'name'], isUnique: true })],
        foreignKeys: [fk('seminarId', 'seminar', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'seminar_workshop',
        columns: [
          c.id(),
          c.int('seminarId'),
          c.varchar('title', 200),
          c.int('position', { default: 0 }),
          c.varchar('state', 16, { default: "'DRAFT'" }),
          c.varchar('resultsVisibility', 16, { default: "'LIVE'" }),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['seminarId'] })],
        foreignKeys: [fk('seminarId', 'seminar', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'seminar_participant',
        columns: [
          c.id(),
          c.int('seminarId'),
          c.int('groupId'),
          c.varchar('displayName', 80),
          c.varchar('tokenHash', 64),
          c.int('userId', { isNullable: true }),
          c.createdAt(),
        ],
        indices: [
          new TableIndex({ columnNames: ['seminarId', 'userId'], isUnique: true }),
          new TableIndex({ columnNames: ['groupId'] }),
          new TableIndex({ columnNames: ['tokenHash'], isUnique: true }),
          new TableIndex({ columnNames: ['userId'] }),
        ],
        foreignKeys: [fk('seminarId', 'seminar', 'CASCADE'), fk('groupId', 'seminar_group', 'CASCADE'), fk('userId', 'user', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'seminar_stake',
        columns: [
          c.id(),
          c.int('workshopId'),
          c.int('number'),
          c.varchar('text', 1000),
          c.varchar('originalText', 1000),
          c.bool('isAddition', false),
          c.varchar('status', 16, { default: "'ACCEPTED'" }),
          c.text('emphasis', { isNullable: true }),
          c.int('proposedById', { isNullable: true }),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['workshopId', 'status', 'number'] }), new TableIndex({ columnNames: ['proposedById'] })],
        foreignKeys: [fk('workshopId', 'seminar_workshop', 'CASCADE'), fk('proposedById', 'seminar_participant', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'seminar_score',
        columns: [c.id(), c.int('stakeId'), c.int('participantId'), c.int('groupId'), c.float('value'), c.timestamp('updatedAt')],
        indices: [new TableIndex({ columnNames: ['participantId', 'stakeId'], isUnique: true }), new TableIndex({ columnNames: ['stakeId'] })],
        foreignKeys: [fk('stakeId', 'seminar_stake', 'CASCADE'), fk('participantId', 'seminar_participant', 'CASCADE'), fk('groupId', 'seminar_group', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'seminar_reformulation',
        columns: [
          c.id(),
          c.int('stakeId'),
          c.int('participantId', { isNullable: true }),
          c.varchar('text', 1000),
          c.int('supports', { default: 0 }),
          c.bool('adopted', false),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['stakeId'] }), new TableIndex({ columnNames: ['participantId'] })],
        foreignKeys: [fk('stakeId', 'seminar_stake', 'CASCADE'), fk('participantId', 'seminar_participant', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'seminar_reformulation_support',
        columns: [c.id(), c.int('reformulationId'), c.int('participantId')],
        indices: [
          new TableIndex({ columnNames: ['reformulationId', 'participantId'], isUnique: true }),
          new TableIndex({ columnNames: ['participantId'] }),
        ],
        foreignKeys: [fk('reformulationId', 'seminar_reformulation', 'CASCADE'), fk('participantId', 'seminar_participant', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'seminar_reformulation_support',
      'seminar_reformulation',
      'seminar_score',
      'seminar_stake',
      'seminar_participant',
      'seminar_workshop',
      'seminar_group',
      'seminar_facilitator',
      'seminar',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
