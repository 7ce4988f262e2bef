import { SlugTaken, violatesUniqueColumn } from './slug-taken';

describe('violatesUniqueColumn', () => {
  it('recognises PostgreSQL and SQLite unique violations on that column only', () => {
    const pg = { message: 'duplicate key value violates unique constraint "IDX_1"', driverError: { code: '23505', detail: 'Key (slug)=(guide) already exists.' } };
    expect(violatesUniqueColumn(pg, 'slug')).toBe(true);
    expect(violatesUniqueColumn(pg, 'titleKey')).toBe(false);
    const sqlite = { message: 'SqliteError: UNIQUE constraint failed: page.slug', driverError: { code: 'SQLITE_CONSTRAINT_UNIQUE' } };
    expect(violatesUniqueColumn(sqlite, 'slug')).toBe(true);
    expect(violatesUniqueColumn({ message: 'UNIQUE constraint failed: wiki_revision.targetType, wiki_revision.targetId' }, 'slug')).toBe(false);
  });

  it('ignores other errors', () => {
    expect(violatesUniqueColumn({ driverError: { code: '23503', detail: 'Key (slug)=(x) is not present' } }, 'slug')).toBe(false);
    expect(violatesUniqueColumn(new Error('slug'), 'slug')).toBe(false);
    expect(violatesUniqueColumn(null, 'slug')).toBe(false);
  });
});

describe('SlugTaken', () => {
  it('is a CONFLICT naming the title, with the slug', () => {
    const error = new SlugTaken('page', 'Guide', 'guide');
    expect(error.extensions).toEqual({ code: 'CONFLICT', slug: 'guide', field: 'title' });
    expect(error.message).toMatch(/^Une page porte déjà ce titre : « Guide »/);
    expect(new SlugTaken('fiche', 'Tiers-lieu', 'tiers-lieu-evry').message).toMatch(/^Une fiche porte déjà ce titre pour ce territoire : « Tiers-lieu »/);
  });
});
