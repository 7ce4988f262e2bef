import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column builders for migrations written with TypeORM's Table API, so that one migration
 * runs on SQLite and on PostgreSQL and matches what the entities declare (the staleness
 * check compares them on both drivers).
 */
export function columns(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.options.type === 'postgres';
  return {
    id: (name = 'id'): TableColumnOptions => ({
      name,
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    }),
    varchar: (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...extra,
    }),
    text: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...extra }),
    int: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'integer', ...extra }),
    float: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: postgres ? 'double precision' : 'double precision',
      ...extra,
    }),
    bool: (name: string, defaultValue: boolean): TableColumnOptions => ({
      name,
      type: 'boolean',
      default: postgres ? String(defaultValue) : defaultValue ? 1 : 0,
    }),
    timestamp: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: postgres ? 'timestamp' : 'datetime',
      ...extra,
    }),
    createdAt: (name = 'createdAt'): TableColumnOptions => ({
      name,
      type: postgres ? 'timestamp' : 'datetime',
      default: postgres ? 'now()' : "datetime('now')",
    }),
  };
}
