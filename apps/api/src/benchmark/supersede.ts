import { EntityManager, In } from 'typeorm';
import { IndicatorValue } from './indicator-value.entity';

/** Identifies "the" figure of an indicator for a territory and a year (several rows: its history). */
export interface FigureKey {
  indicatorId: number;
  territoryCode: string;
  year: number;
}

export const figureKeyOf = (k: FigureKey) => `${k.indicatorId}|${k.territoryCode}|${k.year}`;
const CHUNK = 500;

/** Marks the current figures of these keys as history (inside the caller's transaction). */
export async function supersedeFigures(manager: EntityManager, keys: FigureKey[]): Promise<void> {
  if (keys.length === 0) return;
  const wanted = new Set(keys.map(figureKeyOf));
  const codes = [...new Set(keys.map((k) => k.territoryCode))];
  const ids: number[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await manager.getRepository(IndicatorValue).find({
      select: { id: true, indicatorId: true, territoryCode: true, year: true },
      where: { territoryCode: In(codes.slice(i, i + CHUNK)), current: true },
    });
    for (const row of rows) if (wanted.has(figureKeyOf(row))) ids.push(row.id);
  }
  for (let i = 0; i < ids.length; i += CHUNK) {
    await manager.getRepository(IndicatorValue).update({ id: In(ids.slice(i, i + CHUNK)) }, { current: false });
  }
}
