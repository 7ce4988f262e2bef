import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columns } from '../columns';

/** Editing blockers: `blocker.revision` for optimistic saves, and what each edit changed in the timeline. */
export class BlockerEdit1764300700000 implements MigrationInterface {
  name = 'BlockerEdit1764300700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumn('blocker', new TableColumn(c.int('revision', { default: 1 })));
    await queryRunner.addColumns('blocker_event', [
      new TableColumn(c.varchar('categoryBefore', 32, { isNullable: true })),
      new TableColumn(c.varchar('categoryAfter', 32, { isNullable: true })),
      new TableColumn(c.varchar('severityBefore', 16, { isNullable: true })),
      new TableColumn(c.varchar('severityAfter', 16, { isNullable: true })),
      new TableColumn(c.bool('descriptionEdited', false)),
      new TableColumn(c.text('previousDescription', { isNullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Plain DROP COLUMN (SQLite ≥ 3.35 and PostgreSQL): TypeORM's SQLite dropColumn recreates the
    // table, and dropping "blocker" inside the migration's transaction (foreign keys still on)
    // would cascade-delete the whole timeline.
    for (const column of ['categoryBefore', 'categoryAfter', 'severityBefore', 'severityAfter', 'descriptionEdited', 'previousDescription']) {
      await queryRunner.query(`ALTER TABLE "blocker_event" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "blocker" DROP COLUMN "revision"`);
  }
}
