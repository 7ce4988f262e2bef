import { figureYearError } from '@essaim/domain';
import { In } from 'typeorm';
import { IndicatorValue } from '../benchmark/indicator-value.entity';
import { Indicator } from '../benchmark/indicator.entity';
import { supersedeFigures } from '../benchmark/supersede';
import type { WriteContext } from './source';
import { ImportRefused, yearOfVintage } from './source';

export interface Figure {
  indicatorCode: string;
  territoryCode: string;
  rawValue: number;
}

const BATCH = 500;

/**
 * Writes imported figures with their provenance (source, URL, licence, vintage, import run,
 * who imported): the previous current figure of each (indicator, territory, year) becomes
 * history, like a figure typed by hand. Returns the count written per indicator.
 */
export async function writeFigures(context: WriteContext, figures: Figure[]): Promise<Record<string, number>> {
  const { manager, source } = context;
  const year = yearOfVintage(context.vintage);
  // The runner refuses such vintages first; this keeps any future caller from writing them.
  const yearError = figureYearError(year);
  if (yearError) throw new ImportRefused(`Millésime ${context.vintage} refusé. ${yearError}`);
  const indicators = await manager.getRepository(Indicator).findBy({ code: In([...new Set(figures.map((f) => f.indicatorCode))]) });
  const idOf = new Map(indicators.map((i) => [i.code, i.id]));
  const rows = figures
    .filter((f) => idOf.has(f.indicatorCode))
    .map((f) => ({
      indicatorId: idOf.get(f.indicatorCode)!,
      territoryCode: f.territoryCode,
      year,
      rawValue: f.rawValue,
      source: source.name,
      sourceUrl: source.url,
      licence: source.licence,
      vintage: context.vintage,
      datasetKey: source.key,
      importId: context.importId,
      authorId: context.authorId,
      isDemo: false,
      current: true,
    }));
  await supersedeFigures(manager, rows);
  for (let i = 0; i < rows.length; i += BATCH) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IndicatorValue)
      .values(rows.slice(i, i + BATCH))
      .updateEntity(false)
      .execute();
  }
  const written: Record<string, number> = {};
  for (const f of figures) if (idOf.has(f.indicatorCode)) written[f.indicatorCode] = (written[f.indicatorCode] ?? 0) + 1;
  return written;
}
