import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

export class Notifications1764300400000 implements MigrationInterface {
  name = 'Notifications1764300400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const userFk = () =>
      new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    await queryRunner.createTable(
      new Table({
        name: 'follow',
        columns: [c.id(), c.int('userId'), c.varchar('targetType', 16), c.int('targetId'), c.createdAt()],
        indices: [
          new TableIndex({ columnNames: ['userId', 'targetType', 'targetId'], isUnique: true }),
          new TableIndex({ columnNames: ['targetType', 'targetId'] }),
        ],
        foreignKeys: [userFk()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification',
        columns: [c.id(), c.int('userId'), c.varchar('kind', 32), c.varchar('message', 500), c.varchar('url', 300), c.bool('read', false), c.createdAt()],
        indices: [new TableIndex({ columnNames: ['userId', 'read'] }), new TableIndex({ columnNames: ['userId', 'id'] })],
        foreignKeys: [userFk()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification');
    await queryRunner.dropTable('follow');
  }
}
