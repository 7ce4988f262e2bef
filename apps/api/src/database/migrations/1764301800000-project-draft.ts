import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columns } from '../columns';

/** A replication starts as a draft of the adopting territory, published when its agent confirms. */
export class ProjectDraft1764301800000 implements MigrationInterface {
  name = 'ProjectDraft1764301800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumn('project', new TableColumn(c.bool('isDraft', false)));
    await queryRunner.createIndex('project', new TableIndex({ columnNames: ['isDraft'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('project');
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'isDraft');
    if (index) await queryRunner.dropIndex('project', index);
    // Plain DROP COLUMN (SQLite ≥ 3.35 and PostgreSQL): TypeORM's SQLite dropColumn recreates the table.
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "isDraft"`);
  }
}
