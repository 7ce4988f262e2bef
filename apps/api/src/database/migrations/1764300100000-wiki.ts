import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

export class Wiki1764300100000 implements MigrationInterface {
  name = 'Wiki1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'project',
        columns: [
          c.id(),
          c.varchar('slug', 120),
          c.varchar('title', 200),
          c.varchar('titleKey', 120),
          c.varchar('summary', 1000),
          c.text('body'),
          c.varchar('themes', 400),
          c.varchar('stage', 16),
          c.varchar('territoryCode', 12),
          c.int('budgetEuros', { isNullable: true }),
          c.text('sections'),
          c.int('revision', { default: 1 }),
          c.int('replicatedFromId', { isNullable: true }),
          c.bool('isBlocked', false),
          c.bool('isDemo', false),
          c.int('createdById', { isNullable: true }),
          c.createdAt(),
          c.timestamp('updatedAt'),
        ],
        indices: [
          new TableIndex({ columnNames: ['slug'], isUnique: true }),
          new TableIndex({ columnNames: ['titleKey'] }),
          new TableIndex({ columnNames: ['stage'] }),
          new TableIndex({ columnNames: ['territoryCode'] }),
          new TableIndex({ columnNames: ['replicatedFromId'] }),
          new TableIndex({ columnNames: ['isBlocked'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['territoryCode'], referencedTableName: 'territory', referencedColumnNames: ['code'], onDelete: 'RESTRICT' }),
          new TableForeignKey({ columnNames: ['replicatedFromId'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'wiki_page',
        columns: [
          c.id(),
          c.varchar('slug', 100),
          c.varchar('titleKey', 100),
          c.varchar('title', 200),
          c.text('body'),
          c.int('parentId', { isNullable: true }),
          c.int('revision', { default: 1 }),
          c.bool('isDemo', false),
          c.int('createdById', { isNullable: true }),
          c.createdAt(),
          c.timestamp('updatedAt'),
        ],
        indices: [
          new TableIndex({ columnNames: ['slug'], isUnique: true }),
          new TableIndex({ columnNames: ['titleKey'] }),
          new TableIndex({ columnNames: ['parentId'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['parentId'], referencedTableName: 'wiki_page', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'wiki_revision',
        columns: [
          c.id(),
          c.varchar('targetType', 8),
          c.int('targetId'),
          c.int('number'),
          c.int('authorId', { isNullable: true }),
          c.varchar('comment', 500, { isNullable: true }),
          c.text('snapshot'),
          c.bool('hidden', false),
          c.varchar('hiddenReason', 500, { isNullable: true }),
          c.int('hiddenById', { isNullable: true }),
          c.createdAt(),
        ],
        indices: [
          new TableIndex({ columnNames: ['targetType', 'targetId', 'number'], isUnique: true }),
          new TableIndex({ columnNames: ['authorId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'wiki_link',
        columns: [c.id(), c.varchar('sourceType', 8), c.int('sourceId'), c.varchar('targetKey', 100)],
        indices: [new TableIndex({ columnNames: ['sourceType', 'sourceId'] }), new TableIndex({ columnNames: ['targetKey'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['wiki_link', 'wiki_revision', 'wiki_page', 'project']) await queryRunner.dropTable(table);
  }
}
