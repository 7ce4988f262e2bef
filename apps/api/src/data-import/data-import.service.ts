import { Injectable, Logger } from '@nestjs/common';
import { bilingual, figureYearError, figureYearProblem } from '@essaim/domain';
import { DataSource, In } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { IndicatorValue } from '../benchmark/indicator-value.entity';
import { badInput, conflict, notFound } from '../common/errors';
import { Territory } from '../territories/territory.entity';
import { DataImport, DataImportVia } from './data-import.entity';
import { ImportProgress, ImportRunReport } from './import-report';
import { DataImportSourceInfo, emptyReadReport, HeaderMismatch, ImportRefused, PreparedImport, TerritoryRef, VINTAGE_PATTERN, yearOfVintage } from './source';
import { DATA_IMPORT_SOURCES, findSource } from './sources';

export interface RunOptions {
  fileName: string | null;
  vintage: string | null;
  user: Pick<User, 'id'> | null;
  via: DataImportVia;
  onProgress?: (progress: ImportProgress) => void;
}

const PROGRESS_EVERY_MS = 200;

/**
 * Runs official-data imports: the whole file is read and checked first (nothing written), then
 * everything is written in one transaction, replacing the values of an earlier import of the
 * same source and vintage (idempotent). Any bad row, a wrong header or a refused vintage
 * writes nothing. Each run is recorded in `data_import` with its report.
 */
@Injectable()
export class DataImportService {
  private readonly logger = new Logger(DataImportService.name);
  private readonly running = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  sources(): DataImportSourceInfo[] {
    return DATA_IMPORT_SOURCES.map(({ key, name, producer, url, licence, fileHint, indicators }) => ({
      key,
      name,
      producer,
      url,
      licence,
      fileHint,
      indicators,
    }));
  }

  /** Checks what can be checked before reading a byte (the upload answers 400 early). */
  assertRunnable(sourceKey: string, vintage: string | null): void {
    if (!findSource(sourceKey)) throw notFound('DATA_SOURCE_NOT_FOUND', { key: sourceKey, known: DATA_IMPORT_SOURCES.map((s) => s.key).join(', ') });
    if (vintage !== null) {
      if (!VINTAGE_PATTERN.test(vintage)) throw badInput('INVALID_VINTAGE', { vintage }, { fields: [{ field: 'vintage' }] });
      const yearProblem = figureYearProblem(yearOfVintage(vintage));
      if (yearProblem) throw badInput('VINTAGE_REFUSED', { vintage, problem: bilingual(yearProblem) }, { fields: [{ field: 'vintage' }] });
    }
    if (this.running.has(sourceKey)) throw conflict('IMPORT_RUNNING', { key: sourceKey });
  }

  async run(sourceKey: string, input: AsyncIterable<Buffer | string>, options: RunOptions): Promise<ImportRunReport> {
    this.assertRunnable(sourceKey, options.vintage);
    const source = findSource(sourceKey)!;
    this.running.add(sourceKey);
    const started = Date.now();
    const imports = this.dataSource.getRepository(DataImport);
    const row = await imports.save(
      imports.create({
        sourceKey,
        vintage: options.vintage ?? '?',
        fileName: options.fileName?.slice(0, 300) ?? null,
        status: 'RUNNING',
        importedById: options.user?.id ?? null,
        importedVia: options.via,
      }),
    );
    const progress: ImportProgress = { phase: 'reading', bytes: 0, rows: 0 };
    let lastEmit = 0;
    const emit = (force = false) => {
      const now = Date.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      options.onProgress?.({ ...progress });
    };
    const report: ImportRunReport = {
      ...emptyReadReport(),
      importId: row.id,
      source: source.key,
      sourceName: source.name,
      vintage: options.vintage,
      status: 'FAILED',
      message: null,
      headerError: null,
      written: {},
      replaced: 0,
      bytes: 0,
      durationMs: 0,
    };
    let prepared: PreparedImport | null = null;
    try {
      try {
        prepared = await source.prepare({
          input,
          manager: this.dataSource.manager,
          vintage: options.vintage,
          fileName: options.fileName,
          territories: () => this.territories(),
          onBytes: (bytes) => {
            progress.bytes = bytes;
            emit();
          },
          onRows: (rows) => {
            progress.rows = rows;
            emit();
          },
        });
        Object.assign(report, prepared.read, { vintage: prepared.vintage });
      } catch (error) {
        if (error instanceof HeaderMismatch) {
          report.headerError = { expected: error.expected, found: error.found, missing: error.missing };
          report.message = error.message;
        } else if (error instanceof ImportRefused) report.message = error.message;
        else throw error;
      }
      report.bytes = progress.bytes;
      const yearError = prepared ? figureYearError(yearOfVintage(prepared.vintage)) : null;
      if (prepared && yearError) report.message = `Millésime ${prepared.vintage} refusé. ${yearError}`;
      else if (prepared && report.errorCount > 0)
        report.message = `${report.errorCount} ligne(s) en erreur : rien n’a été importé. Corrigez le fichier ou signalez-le au producteur.`;
      if (!prepared || report.message) return await this.finish(row, report, started);

      progress.phase = 'writing';
      emit(true);
      await this.dataSource.transaction(async (manager) => {
        const previous = await manager
          .getRepository(DataImport)
          .find({ select: { id: true }, where: { sourceKey, vintage: prepared!.vintage, status: 'DONE' } });
        if (previous.length) {
          const ids = previous.map((p) => p.id);
          report.replaced = await manager.getRepository(IndicatorValue).countBy({ importId: In(ids) });
          await manager.getRepository(IndicatorValue).delete({ importId: In(ids) });
          await manager.getRepository(DataImport).update({ id: In(ids) }, { status: 'REPLACED' });
        }
        report.written = await prepared!.write({
          manager,
          importId: row.id,
          authorId: options.user?.id ?? null,
          vintage: prepared!.vintage,
          source,
          addReplaced: (count) => (report.replaced += count),
        });
        report.status = 'DONE';
        report.durationMs = Date.now() - started;
        await manager
          .getRepository(DataImport)
          .update(row.id, { status: 'DONE', vintage: prepared!.vintage, rowsRead: report.rowsRead, report: JSON.stringify(report), finishedAt: new Date() });
      });
      this.logger.log(`Import ${sourceKey} ${report.vintage}: ${report.rowsRead} rows, ${JSON.stringify(report.written)} (${Date.now() - started} ms)`);
      return report;
    } catch (error) {
      report.message = 'L’import a échoué sur une erreur interne : rien n’a été écrit.';
      await this.finish(row, report, started).catch(() => undefined);
      throw error;
    } finally {
      await prepared?.discard?.().catch((error) => this.logger.warn(`Import ${sourceKey}: could not discard its spool: ${error}`));
      this.running.delete(sourceKey);
      progress.phase = 'done';
      emit(true);
    }
  }

  private async finish(row: DataImport, report: ImportRunReport, started: number): Promise<ImportRunReport> {
    report.status = 'FAILED';
    report.durationMs = Date.now() - started;
    await this.dataSource.getRepository(DataImport).update(row.id, {
      status: 'FAILED',
      vintage: (report.vintage ?? '?').slice(0, 40),
      rowsRead: report.rowsRead,
      report: JSON.stringify(report),
      finishedAt: new Date(),
    });
    return report;
  }

  /** A stored run (its report), for the admin page. */
  async find(id: number): Promise<{ row: DataImport; report: ImportRunReport | null } | null> {
    const row = await this.dataSource.getRepository(DataImport).findOne({ where: { id } });
    return row ? { row, report: row.report ? (JSON.parse(row.report) as ImportRunReport) : null } : null;
  }

  async recent(limit = 20): Promise<DataImport[]> {
    return this.dataSource.getRepository(DataImport).find({ order: { id: 'DESC' }, take: limit });
  }

  private async territories(): Promise<Map<string, TerritoryRef>> {
    const rows = await this.dataSource
      .getRepository(Territory)
      .find({ select: { code: true, kind: true, population: true, epciCode: true, departementCode: true } });
    return new Map(rows.map((t) => [t.code, t]));
  }
}
