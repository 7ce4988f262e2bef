import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columns } from '../columns';

/** `notification.groupKey`: a new notification about the same subject replaces the unread one. */
export class NotificationGroup1764300800000 implements MigrationInterface {
  name = 'NotificationGroup1764300800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumn('notification', new TableColumn(c.varchar('groupKey', 80, { isNullable: true })));
    await queryRunner.createIndex('notification', new TableIndex({ columnNames: ['groupKey'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('notification');
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'groupKey');
    if (index) await queryRunner.dropIndex('notification', index);
    await queryRunner.dropColumn('notification', 'groupKey');
  }
}
