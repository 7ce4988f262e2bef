import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../columns';

type OnDelete = 'CASCADE' | 'SET NULL' | 'RESTRICT';
const fk = (column: string, table: string, onDelete: OnDelete) =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });
const index = (columnNames: string[], isUnique = false) => new TableIndex({ columnNames, isUnique });

export class Forum1764300401000 implements MigrationInterface {
  name = 'Forum1764300401000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'forum_category',
        columns: [c.id(), c.varchar('slug', 64), c.varchar('name', 120), c.varchar('theme', 40, { isNullable: true }), c.int('position', { default: 0 })],
        indices: [index(['slug'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_thread',
        columns: [
          c.id(),
          c.int('categoryId'),
          c.varchar('title', 200),
          c.int('authorId', { isNullable: true }),
          c.int('projectId', { isNullable: true }),
          c.bool('locked', false),
          c.bool('pinned', false),
          c.bool('isQuestion', false),
          c.int('acceptedPostId', { isNullable: true }),
          c.int('firstPostId', { isNullable: true }),
          c.int('lastPostId', { isNullable: true }),
          c.int('replyCount', { default: 0 }),
          c.timestamp('lastActivityAt'),
          c.createdAt(),
        ],
        indices: [index(['categoryId', 'lastActivityAt']), index(['authorId']), index(['projectId'], true)],
        foreignKeys: [fk('categoryId', 'forum_category', 'RESTRICT'), fk('authorId', 'user', 'SET NULL'), fk('projectId', 'project', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_post',
        columns: [
          c.id(),
          c.int('threadId'),
          c.int('authorId', { isNullable: true }),
          c.text('body'),
          c.text('bodyHtml'),
          c.int('quotedPostId', { isNullable: true }),
          c.int('revision', { default: 1 }),
          c.bool('hidden', false),
          c.varchar('hiddenReason', 500, { isNullable: true }),
          c.createdAt(),
          c.timestamp('editedAt', { isNullable: true }),
        ],
        indices: [index(['threadId', 'id']), index(['authorId'])],
        foreignKeys: [fk('threadId', 'forum_thread', 'CASCADE'), fk('authorId', 'user', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_post_revision',
        columns: [c.id(), c.int('postId'), c.int('number'), c.text('body'), c.int('authorId', { isNullable: true }), c.createdAt()],
        indices: [index(['postId', 'number'], true)],
        foreignKeys: [fk('postId', 'forum_post', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_reaction',
        columns: [c.id(), c.int('postId'), c.int('userId'), c.createdAt()],
        indices: [index(['postId', 'userId'], true), index(['userId'])],
        foreignKeys: [fk('postId', 'forum_post', 'CASCADE'), fk('userId', 'user', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_flag',
        columns: [c.id(), c.int('postId'), c.int('userId'), c.varchar('reason', 500), c.varchar('status', 16, { default: "'OPEN'" }), c.createdAt()],
        indices: [index(['postId', 'userId'], true), index(['status', 'id'])],
        foreignKeys: [fk('postId', 'forum_post', 'CASCADE'), fk('userId', 'user', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_moderation_log',
        columns: [
          c.id(),
          c.int('moderatorId', { isNullable: true }),
          c.varchar('action', 32),
          c.int('threadId', { isNullable: true }),
          c.int('postId', { isNullable: true }),
          c.varchar('reason', 500, { isNullable: true }),
          c.createdAt(),
        ],
        indices: [index(['moderatorId']), index(['threadId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_thread_read',
        columns: [c.id(), c.int('userId'), c.int('threadId'), c.int('lastReadPostId')],
        indices: [index(['userId', 'threadId'], true)],
        foreignKeys: [fk('userId', 'user', 'CASCADE'), fk('threadId', 'forum_thread', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['forum_thread_read', 'forum_moderation_log', 'forum_flag', 'forum_reaction', 'forum_post_revision', 'forum_post', 'forum_thread', 'forum_category']) {
      await queryRunner.dropTable(table);
    }
  }
}
