import type { Database, Statement } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { SearchDocType } from '../search-document';
import { FacetField, PREFERRED_SCORE_FACTOR } from '../search-engine';
import { FtsEngineBase, FtsMatch, FtsRow } from './fts-engine.base';

const LIVE = { doc: 'search_fts_doc', fts: 'search_fts', term: 'search_fts_term' };
const NEXT = { doc: 'search_fts_doc_next', fts: 'search_fts_next', term: 'search_fts_term_next' };
type Tables = typeof LIVE;

/**
 * Fallback on SQLite: an FTS5 table (`unicode61 remove_diacritics 2`, prefix indexes for 2–4
 * letters, contentless with deletes) keyed by the rowid of `search_fts_doc`, which keeps the
 * document fields for filters, facets and snippets; `search_fts_term` is the vocabulary used
 * for typo corrections. These tables are a projection built at run time (like the
 * Meilisearch index), not part of the migrated schema. Statements run synchronously on
 * better-sqlite3's connection, so a write or the rebuild swap is never interleaved with a query.
 */
export class SqliteFtsEngine extends FtsEngineBase {
  readonly name = 'sqlite-fts5' as const;
  private readonly db: Database;

  constructor(dataSource: DataSource) {
    super();
    this.db = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  }

  async start(): Promise<void> {
    this.createTables(LIVE);
  }

  private createTables(t: Tables): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${t.doc} (
        rid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL, docId TEXT NOT NULL,
        title TEXT NOT NULL, body TEXT NOT NULL, url TEXT NOT NULL, themes TEXT NOT NULL,
        territoryCode TEXT, territoryName TEXT, stage TEXT, updatedAt INTEGER NOT NULL, rank INTEGER NOT NULL);
      CREATE VIRTUAL TABLE IF NOT EXISTS ${t.fts} USING fts5(title, territoryName, body,
        content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
      CREATE TABLE IF NOT EXISTS ${t.term} (term TEXT PRIMARY KEY) WITHOUT ROWID;`);
  }

  protected async writeDocs(rows: FtsRow[], terms: string[], target: 'live' | 'next'): Promise<void> {
    const t = target === 'live' ? LIVE : NEXT;
    const existing = this.db.prepare(`SELECT rid FROM ${t.doc} WHERE key = ?`).pluck();
    const update = this.db.prepare(
      `UPDATE ${t.doc} SET type=@type, docId=@docId, title=@title, body=@body, url=@url, themes=@themes, territoryCode=@territoryCode,
       territoryName=@territoryName, stage=@stage, updatedAt=@updatedAt, rank=@rank WHERE rid=@rid`,
    );
    const insert = this.db.prepare(
      `INSERT INTO ${t.doc} (key, type, docId, title, body, url, themes, territoryCode, territoryName, stage, updatedAt, rank)
       VALUES (@key, @type, @docId, @title, @body, @url, @themes, @territoryCode, @territoryName, @stage, @updatedAt, @rank)`,
    );
    const unindex = this.db.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`);
    const index = this.db.prepare(`INSERT INTO ${t.fts} (rowid, title, territoryName, body) VALUES (?, ?, ?, ?)`);
    const term = this.db.prepare(`INSERT OR IGNORE INTO ${t.term} (term) VALUES (?)`);
    this.db.transaction(() => {
      for (const row of rows) {
        let rid = existing.get(row.key) as number | undefined;
        if (rid === undefined) rid = Number(insert.run(row).lastInsertRowid);
        else {
          update.run({ ...row, rid });
          unindex.run(rid);
        }
        index.run(rid, row.title, row.territoryName ?? '', row.body);
      }
      for (const word of terms) term.run(word);
    })();
  }

  protected async deleteDocs(keys: string[], target: 'live' | 'next'): Promise<void> {
    const t = target === 'live' ? LIVE : NEXT;
    const find = this.db.prepare(`SELECT rid FROM ${t.doc} WHERE key = ?`).pluck();
    const unindex = this.db.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`);
    const remove = this.db.prepare(`DELETE FROM ${t.doc} WHERE rid = ?`);
    this.db.transaction(() => {
      for (const key of keys) {
        const rid = find.get(key) as number | undefined;
        if (rid === undefined) continue;
        unindex.run(rid);
        remove.run(rid);
      }
    })();
  }

  protected async vocabulary(first: string, minLength: number, maxLength: number): Promise<string[]> {
    // Range scan on the primary key: terms starting with the same character.
    const next = String.fromCharCode(first.charCodeAt(0) + 1);
    return this.db
      .prepare(`SELECT term FROM ${LIVE.term} WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`)
      .pluck()
      .all(first, next, minLength, maxLength) as string[];
  }

  protected async runSearch({ variants, query }: FtsMatch) {
    const where: string[] = [];
    const params: unknown[] = [];
    let from = `${LIVE.doc} d`;
    let score = '0';
    if (variants.length) {
      // Each word: as a prefix, or one of its typo corrections exactly. All words of one variant must match.
      const expression = variants
        .map((words) => `(${words.map((w) => `(${[`"${w.word}"*`, ...w.corrections.map((c) => `"${c}"`)].join(' OR ')})`).join(' AND ')})`)
        .join(' OR ');
      from = `${LIVE.fts} f JOIN ${LIVE.doc} d ON d.rid = f.rowid`;
      where.push(`${LIVE.fts} MATCH ?`);
      params.push(expression);
      score = `bm25(${LIVE.fts}, 10.0, 4.0, 1.0)`;
    }
    const preferred = query.preferTerritoryCodes?.length ? query.preferTerritoryCodes : null;
    // bm25 is negative, lower is better: multiplying raises a preferred territory.
    const near = preferred ? `(d.territoryCode IN (${preferred.map(() => '?').join(', ')}))` : '0';
    if (preferred) score = `(${score}) * (CASE WHEN ${near} THEN ${PREFERRED_SCORE_FACTOR} ELSE 1 END)`;
    if (query.types?.length) {
      where.push(`d.type IN (${query.types.map(() => '?').join(', ')})`);
      params.push(...query.types);
    }
    if (query.themes?.length) {
      where.push(`EXISTS (SELECT 1 FROM json_each(d.themes) j WHERE j.value IN (${query.themes.map(() => '?').join(', ')}))`);
      params.push(...query.themes);
    }
    if (query.territoryCode) {
      where.push('d.territoryCode = ?');
      params.push(query.territoryCode);
    }
    const matched = `SELECT d.*, ${score} AS score, ${near} AS near FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    // The preferred codes appear twice in `matched` (score and near): before and after the filters' parameters.
    if (preferred) params.unshift(...preferred, ...preferred);
    const rows = this.stmt(`SELECT * FROM (${matched}) ORDER BY score ASC, near DESC, rank DESC, updatedAt DESC LIMIT ? OFFSET ?`).all(
      ...params,
      query.limit,
      query.offset,
    ) as FtsRow[];
    const counts = this.stmt(
      `WITH m AS (${matched})
       SELECT 'total' AS field, '' AS value, COUNT(*) AS n FROM m
       UNION ALL SELECT 'type', type, COUNT(*) FROM m GROUP BY type
       UNION ALL SELECT 'themes', j.value, COUNT(*) FROM m, json_each(m.themes) j GROUP BY j.value
       UNION ALL SELECT 'territoryCode', territoryCode, COUNT(*) FROM m WHERE territoryCode IS NOT NULL GROUP BY territoryCode
       UNION ALL SELECT 'stage', stage, COUNT(*) FROM m WHERE stage IS NOT NULL GROUP BY stage`,
    ).all(...params) as { field: string; value: string; n: number }[];
    let total = 0;
    const facets = new Map<FacetField, Map<string, number>>();
    for (const c of counts) {
      if (c.field === 'total') total = c.n;
      else {
        const field = c.field as FacetField;
        if (!facets.has(field)) facets.set(field, new Map());
        facets.get(field)!.set(c.value, c.n);
      }
    }
    return { rows, total, facets };
  }

  private readonly statements = new Map<string, Statement>();
  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  async count(type?: SearchDocType): Promise<number> {
    return (
      type
        ? this.db.prepare(`SELECT COUNT(*) FROM ${LIVE.doc} WHERE type = ?`).pluck().get(type)
        : this.db.prepare(`SELECT COUNT(*) FROM ${LIVE.doc}`).pluck().get()
    ) as number;
  }

  protected async prepareNext(): Promise<void> {
    this.dropTables(NEXT);
    this.createTables(NEXT);
  }

  private dropTables(t: Tables): void {
    this.db.exec(`DROP TABLE IF EXISTS ${t.fts}; DROP TABLE IF EXISTS ${t.doc}; DROP TABLE IF EXISTS ${t.term};`);
  }

  /** One synchronous transaction: no query can run between the drop and the renames. */
  protected async swapNext(): Promise<void> {
    this.statements.clear();
    this.db.transaction(() => {
      this.dropTables(LIVE);
      for (const key of ['doc', 'fts', 'term'] as const) this.db.exec(`ALTER TABLE ${NEXT[key]} RENAME TO ${LIVE[key]}`);
    })();
  }

  protected async ping(): Promise<void> {
    this.db.prepare(`SELECT 1 FROM ${LIVE.doc} LIMIT 1`).get();
  }
}
