import { Injectable } from '@nestjs/common';
import { figureYearProblem, sayError } from '@essaim/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { AppError, conflict, notFound, PublicErrorCode } from '../common/errors';
import { PageRequest } from '../common/pagination/connection';
import { TerritoriesService } from '../territories/territories.service';
import type { Territory } from '../territories/territory.entity';
import { assertCanEditTerritory } from './benchmark-access';
import { SetIndicatorValueArgs } from './dto/indicator-value.args';
import { figureProblem, withValue } from './figure-rules';
import { IndicatorValue } from './indicator-value.entity';
import { IndicatorsService } from './indicators.service';
import { FigureKey, figureKeyOf, supersedeFigures } from './supersede';

export type { FigureKey } from './supersede';

const keyOf = figureKeyOf;
const CHUNK = 500;

@Injectable()
export class IndicatorValuesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(IndicatorValue) private readonly values: Repository<IndicatorValue>,
    private readonly indicators: IndicatorsService,
    private readonly territories: TerritoriesService,
  ) {}

  async findTerritory(code: string): Promise<Territory> {
    const territory = await this.territories.findByCode(code);
    if (!territory) throw notFound('TERRITORY_CODE_NOT_FOUND', { code });
    return territory;
  }

  /**
   * Enters one figure. The previous current figure (if any) is kept as history. With
   * `baseValueId`, the write is refused with CONFLICT when someone else entered a figure since
   * ("0" means "I saw none").
   */
  async set(user: User, args: SetIndicatorValueArgs): Promise<IndicatorValue> {
    const indicator = await this.indicators.byCode(args.indicatorCode);
    const territory = await this.findTerritory(args.territoryCode);
    assertCanEditTerritory(user, territory.code);
    const yearProblem = figureYearProblem(args.year);
    if (yearProblem) throw AppError.of(PublicErrorCode.BAD_USER_INPUT, yearProblem, { fields: [{ field: 'year', message: sayError(yearProblem, 'fr') }] });
    const problem = figureProblem(indicator, territory, args.value);
    if (problem) throw AppError.of(PublicErrorCode.BAD_USER_INPUT, problem, { fields: [{ field: 'value', message: sayError(problem, 'fr') }] });
    const key = { indicatorId: indicator.id, territoryCode: territory.code, year: args.year };
    const saved = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(IndicatorValue);
      if (args.baseValueId != null) {
        const current = await repo.findOne({ where: { ...key, current: true }, order: { id: 'DESC' } });
        if (String(current?.id ?? 0) !== args.baseValueId) {
          throw conflict(
            'FIGURE_CHANGED_MEANWHILE',
            {},
            {
              currentValueId: current ? String(current.id) : null,
              currentRawValue: current?.rawValue ?? null,
            },
          );
        }
      }
      await this.supersede(manager, [key]);
      return repo.save(repo.create({ ...key, rawValue: args.value, source: args.source?.trim() || null, authorId: user.id, current: true, isDemo: false }));
    });
    return withValue(saved, indicator, territory.population);
  }

  /** Marks the current figures of these keys as history (inside the caller's transaction). */
  supersede(manager: EntityManager, keys: FigureKey[]): Promise<void> {
    return supersedeFigures(manager, keys);
  }

  /**
   * The current figure of every indicator and year for these territories. When two
   * concurrent writes both left a current row, the latest one wins.
   */
  async currentFor(territoryCodes: string[]): Promise<IndicatorValue[]> {
    const real = await this.indicatorsWithRealValues();
    const latest = new Map<string, IndicatorValue>();
    for (let i = 0; i < territoryCodes.length; i += CHUNK) {
      const rows = await this.values.find({ where: { territoryCode: In(territoryCodes.slice(i, i + CHUNK)), current: true } });
      for (const row of rows) {
        if (row.isDemo && real.has(row.indicatorId)) continue;
        const k = keyOf(row);
        const seen = latest.get(k);
        if (!seen || seen.id < row.id) latest.set(k, row);
      }
    }
    return [...latest.values()];
  }

  /**
   * Indicators with at least one real (non-demo) current figure anywhere: their demo figures are
   * hidden everywhere, so generated values never sit next to, or rank against, real ones.
   */
  async indicatorsWithRealValues(): Promise<Set<number>> {
    const rows: { id: number }[] = await this.dataSource.query(
      `SELECT "i"."id" AS "id" FROM "indicator" "i" WHERE EXISTS (SELECT 1 FROM "indicator_value" "v" WHERE "v"."indicatorId" = "i"."id" AND "v"."isDemo" = ${this.dataSource.options.type === 'postgres' ? 'false' : '0'} AND "v"."current" = ${this.dataSource.options.type === 'postgres' ? 'true' : '1'})`,
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** Every figure ever entered for an indicator and territory, newest year and entry first. */
  async history(indicatorCode: string, territoryCode: string, year: number | null | undefined, page: PageRequest): Promise<[IndicatorValue[], number]> {
    const indicator = await this.indicators.byCode(indicatorCode);
    const territory = await this.findTerritory(territoryCode);
    const [rows, total] = await this.values.findAndCount({
      where: { indicatorId: indicator.id, territoryCode: territory.code, ...(year ? { year } : {}) },
      order: { year: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return [rows.map((row) => withValue(row, indicator, territory.population)), total];
  }
}
