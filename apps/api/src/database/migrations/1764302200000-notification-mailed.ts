import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columns } from '../columns';

/**
 * `notification.mailedAt`, `mailMessage`, `mailUrl`: a grouped notification (a sheet's revisions)
 * replacing one already e-mailed mails only the revisions that are new, never the same one twice.
 */
export class NotificationMailed1764302200000 implements MigrationInterface {
  name = 'NotificationMailed1764302200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumns('notification', [
      new TableColumn(c.timestamp('mailedAt', { isNullable: true })),
      new TableColumn(c.varchar('mailMessage', 500, { isNullable: true })),
      new TableColumn(c.varchar('mailUrl', 300, { isNullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['mailUrl', 'mailMessage', 'mailedAt']) await queryRunner.dropColumn('notification', name);
  }
}
