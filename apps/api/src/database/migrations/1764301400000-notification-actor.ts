import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columns } from '../columns';

/** `notification.actorId`: who a notification names, so deleting that account can reword it. */
export class NotificationActor1764301400000 implements MigrationInterface {
  name = 'NotificationActor1764301400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumn('notification', new TableColumn(c.int('actorId', { isNullable: true })));
    await queryRunner.createIndex('notification', new TableIndex({ columnNames: ['actorId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('notification');
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'actorId');
    if (index) await queryRunner.dropIndex('notification', index);
    await queryRunner.dropColumn('notification', 'actorId');
  }
}
