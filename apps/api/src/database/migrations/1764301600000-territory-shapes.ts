import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

/** Commune outlines for the server-rendered maps (see docs/maps.md). */
export class TerritoryShapes1764301600000 implements MigrationInterface {
  name = 'TerritoryShapes1764301600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'territory_shape',
        columns: [c.id(), c.varchar('territoryCode', 12), c.varchar('vintage', 16), c.text('geometry'), c.varchar('source', 300), c.varchar('licence', 100), c.createdAt('importedAt')],
        indices: [new TableIndex({ columnNames: ['territoryCode', 'vintage'], isUnique: true }), new TableIndex({ columnNames: ['vintage'] })],
        foreignKeys: [new TableForeignKey({ columnNames: ['territoryCode'], referencedTableName: 'territory', referencedColumnNames: ['code'], onDelete: 'CASCADE' })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('territory_shape');
  }
}
