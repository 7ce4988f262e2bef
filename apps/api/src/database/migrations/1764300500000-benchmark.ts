import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

export class Benchmark1764300500000 implements MigrationInterface {
  name = 'Benchmark1764300500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const fk = (column: string, table: string, referenced: string, onDelete: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [referenced], onDelete });
    await queryRunner.createTable(
      new Table({
        name: 'indicator',
        columns: [
          c.id(),
          c.varchar('code', 40),
          c.varchar('name', 200),
          c.varchar('unit', 40),
          c.varchar('inputUnit', 40),
          c.text('description'),
          { name: 'higherIsBetter', type: 'boolean' },
          c.varchar('theme', 40, { isNullable: true }),
          c.varchar('source', 300, { isNullable: true }),
          c.int('perInhabitants', { isNullable: true }),
          c.float('minValue', { isNullable: true }),
          c.float('maxValue', { isNullable: true }),
          c.bool('builtIn', false),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['code'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_value',
        columns: [
          c.id(),
          c.int('indicatorId'),
          c.varchar('territoryCode', 12),
          c.int('year'),
          c.float('rawValue'),
          c.varchar('source', 300, { isNullable: true }),
          c.int('authorId', { isNullable: true }),
          c.bool('current', true),
          c.createdAt(),
        ],
        indices: [
          new TableIndex({ columnNames: ['indicatorId', 'territoryCode', 'year'] }),
          new TableIndex({ columnNames: ['territoryCode', 'current'] }),
        ],
        foreignKeys: [
          fk('indicatorId', 'indicator', 'id', 'CASCADE'),
          fk('territoryCode', 'territory', 'code', 'CASCADE'),
          fk('authorId', 'user', 'id', 'SET NULL'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'maturity_assessment',
        columns: [
          c.id(),
          c.varchar('territoryCode', 12),
          c.varchar('theme', 40),
          c.int('year'),
          c.int('score'),
          c.text('justification'),
          c.int('authorId', { isNullable: true }),
          c.bool('current', true),
          c.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['territoryCode', 'year', 'current'] })],
        foreignKeys: [fk('territoryCode', 'territory', 'code', 'CASCADE'), fk('authorId', 'user', 'id', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'peer_list',
        columns: [c.id(), c.int('ownerId'), c.varchar('name', 80), c.text('peerCodes'), c.createdAt(), c.timestamp('updatedAt')],
        indices: [new TableIndex({ columnNames: ['ownerId', 'name'], isUnique: true })],
        foreignKeys: [fk('ownerId', 'user', 'id', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['peer_list', 'maturity_assessment', 'indicator_value', 'indicator']) await queryRunner.dropTable(table);
  }
}
