import { isUniqueViolation } from './unique-violation';

describe('isUniqueViolation', () => {
  it('recognises a unique violation of either driver without a column', () => {
    expect(isUniqueViolation({ driverError: { code: '23505' } })).toBe(true);
    expect(isUniqueViolation({ message: 'SqliteError: UNIQUE constraint failed: seminar.joinCode' })).toBe(true);
    expect(isUniqueViolation({ driverError: { code: '23503' } })).toBe(false);
  });

  it('recognises PostgreSQL and SQLite unique violations on that column only', () => {
    const pg = {
      message: 'duplicate key value violates unique constraint "IDX_1"',
      driverError: { code: '23505', detail: 'Key (slug)=(guide) already exists.' },
    };
    expect(isUniqueViolation(pg, 'slug')).toBe(true);
    expect(isUniqueViolation(pg, 'titleKey')).toBe(false);
    const sqlite = { message: 'SqliteError: UNIQUE constraint failed: page.slug', driverError: { code: 'SQLITE_CONSTRAINT_UNIQUE' } };
    expect(isUniqueViolation(sqlite, 'slug')).toBe(true);
    expect(isUniqueViolation({ message: 'UNIQUE constraint failed: wiki_revision.targetType, wiki_revision.targetId' }, 'slug')).toBe(false);
  });

  it('ignores other errors', () => {
    expect(isUniqueViolation({ driverError: { code: '23503', detail: 'Key (slug)=(x) is not present' } }, 'slug')).toBe(false);
    expect(isUniqueViolation(new Error('slug'), 'slug')).toBe(false);
    expect(isUniqueViolation(null, 'slug')).toBe(false);
  });
});
