import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

/** Must stay equal to DEMO_INDICATOR_SOURCE (@essaim/domain) at the time of this migration. */
const DEMO_SOURCE = 'Données de démonstration — générées';

/**
 * Official data imports with provenance: `data_import` (one run per source and vintage),
 * provenance columns on `indicator_value`, data.gouv.fr organisations matched to territories,
 * and a stable UUID per project sheet (the published project schema needs one).
 */
export class DataImport1764301500000 implements MigrationInterface {
  name = 'DataImport1764301500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'data_import',
        columns: [
          c.id(),
          c.varchar('sourceKey', 40),
          c.varchar('vintage', 40),
          c.varchar('fileName', 300, { isNullable: true }),
          c.varchar('status', 16),
          c.int('rowsRead', { default: 0 }),
          c.text('report', { isNullable: true }),
          c.int('importedById', { isNullable: true }),
          c.varchar('importedVia', 16),
          c.createdAt(),
          c.timestamp('finishedAt', { isNullable: true }),
        ],
        indices: [new TableIndex({ columnNames: ['sourceKey', 'vintage'] })],
        foreignKeys: [new TableForeignKey({ columnNames: ['importedById'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'SET NULL' })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'data_gouv_organisation',
        columns: [
          c.varchar('organizationId', 40, { isPrimary: true }),
          c.varchar('name', 300),
          c.varchar('siret', 14, { isNullable: true }),
          c.varchar('territoryCode', 12, { isNullable: true }),
          c.varchar('vintage', 40),
        ],
        indices: [new TableIndex({ columnNames: ['territoryCode'] })],
      }),
    );
    await queryRunner.addColumns('indicator_value', [
      new TableColumn(c.varchar('datasetKey', 40, { isNullable: true })),
      new TableColumn(c.varchar('sourceUrl', 500, { isNullable: true })),
      new TableColumn(c.varchar('licence', 120, { isNullable: true })),
      new TableColumn(c.varchar('vintage', 40, { isNullable: true })),
      new TableColumn(c.bool('isDemo', false)),
      new TableColumn(c.int('importId', { isNullable: true })),
    ]);
    await queryRunner.createIndex('indicator_value', new TableIndex({ columnNames: ['importId'] }));
    await queryRunner.createForeignKey(
      'indicator_value',
      new TableForeignKey({ columnNames: ['importId'], referencedTableName: 'data_import', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
    );
    const postgres = queryRunner.connection.options.type === 'postgres';
    const [p1, p2] = postgres ? ['$1', '$2'] : ['?', '?'];
    await queryRunner.query(`UPDATE "indicator_value" SET "isDemo" = ${postgres ? 'true' : '1'} WHERE "source" = ${p1}`, [DEMO_SOURCE]);

    await queryRunner.addColumn('project', new TableColumn(c.varchar('uuid', 36, { isNullable: true })));
    const projects: { id: number }[] = await queryRunner.query(`SELECT "id" FROM "project"`);
    for (const { id } of projects) {
      await queryRunner.query(`UPDATE "project" SET "uuid" = ${p1} WHERE "id" = ${p2}`, [randomUUID(), id]);
    }
    await queryRunner.createIndex('project', new TableIndex({ columnNames: ['uuid'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const project = await queryRunner.getTable('project');
    const uuidIndex = project?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'uuid');
    if (uuidIndex) await queryRunner.dropIndex('project', uuidIndex);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "uuid"`);
    const values = await queryRunner.getTable('indicator_value');
    const fk = values?.foreignKeys.find((f) => f.columnNames[0] === 'importId');
    if (fk) await queryRunner.dropForeignKey('indicator_value', fk);
    const index = values?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'importId');
    if (index) await queryRunner.dropIndex('indicator_value', index);
    for (const column of ['datasetKey', 'sourceUrl', 'licence', 'vintage', 'isDemo', 'importId']) {
      await queryRunner.query(`ALTER TABLE "indicator_value" DROP COLUMN "${column}"`);
    }
    await queryRunner.dropTable('data_gouv_organisation');
    await queryRunner.dropTable('data_import');
  }
}
