import { Injectable, OnModuleInit } from '@nestjs/common';
import { DEFAULT_DEPARTEMENT, DEMO_INDICATOR_SOURCE, isTheme, type Theme } from '@essaim/domain';
import type { EntityManager } from 'typeorm';
import { SeedRegistry } from '../../seed/seed.registry';
import { Territory } from '../../territories/territory.entity';
import { Project } from '../../wiki/project.entity';
import { IndicatorValue } from '../indicator-value.entity';
import { Indicator } from '../indicator.entity';
import { MaturityAssessment } from '../maturity-assessment.entity';
import { generateDemoFigures, generateDemoMaturity } from './demo-figures';

const BATCH = 500;

/** Demo figures and self-assessments for the Essonne's communes and EPCI (see demo-figures.ts). */
@Injectable()
export class BenchmarkDemoSeeder implements OnModuleInit {
  constructor(private readonly registry: SeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({ order: 20, name: 'benchmark', seed: (manager) => this.seed(manager) });
  }

  async seed(manager: EntityManager): Promise<void> {
    const territories = await manager
      .getRepository(Territory)
      .createQueryBuilder('t')
      .where("t.kind = 'COMMUNE' AND t.departementCode = :dep", { dep: DEFAULT_DEPARTEMENT })
      .orWhere(`t.kind = 'EPCI' AND t.code IN (SELECT "c"."epciCode" FROM "territory" "c" WHERE "c"."departementCode" = :dep AND "c"."epciCode" IS NOT NULL)`)
      .orderBy('t.code', 'ASC')
      .getMany();
    const boosts = await this.themesWithDemoProjects(manager);
    const indicators = new Map((await manager.getRepository(Indicator).find()).map((i) => [i.code, i.id]));
    const figures = generateDemoFigures(territories, boosts)
      .filter((f) => indicators.has(f.indicatorCode))
      .map((f) => ({
        indicatorId: indicators.get(f.indicatorCode)!,
        territoryCode: f.territoryCode,
        year: f.year,
        rawValue: f.rawValue,
        source: DEMO_INDICATOR_SOURCE,
        isDemo: true,
        authorId: null,
        current: true,
      }));
    await insertInBatches(manager, IndicatorValue, figures);
    const maturity = generateDemoMaturity(territories, boosts).map((m) => ({ ...m, authorId: null, current: true }));
    await insertInBatches(manager, MaturityAssessment, maturity);
  }

  /** Territories with a demo project sheet do better on its themes (coherent demo story). */
  private async themesWithDemoProjects(manager: EntityManager): Promise<Map<string, Set<Theme>>> {
    const boosts = new Map<string, Set<Theme>>();
    const projects = await manager.getRepository(Project).find({ select: { territoryCode: true, themes: true }, where: { isDemo: true } });
    for (const project of projects) {
      const set = boosts.get(project.territoryCode) ?? new Set<Theme>();
      for (const theme of project.themes) if (isTheme(theme)) set.add(theme);
      boosts.set(project.territoryCode, set);
    }
    return boosts;
  }
}

async function insertInBatches<T extends object>(manager: EntityManager, target: new () => T, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}
