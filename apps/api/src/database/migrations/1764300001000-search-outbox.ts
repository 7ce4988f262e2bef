import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from '../columns';

export class SearchOutbox1764300001000 implements MigrationInterface {
  name = 'SearchOutbox1764300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'search_outbox',
        columns: [c.id(), c.varchar('docType', 16), c.varchar('docId', 64), c.int('attempts', { default: 0 }), c.timestamp('notBefore', { isNullable: true }), c.createdAt()],
        indices: [new TableIndex({ columnNames: ['docId'] }), new TableIndex({ columnNames: ['notBefore'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('search_outbox');
  }
}
