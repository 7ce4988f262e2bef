import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { figureYearProblem, median, sayError, THEMES } from '@essaim/domain';
import { DataSource, In, LessThanOrEqual, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { AppError, PublicErrorCode } from '../common/errors';
import type { Territory } from '../territories/territory.entity';
import { assertCanEditTerritory } from './benchmark-access';
import { SetMaturityScoreArgs } from './dto/maturity.args';
import { IndicatorValuesService } from './indicator-values.service';
import { MaturityAssessment } from './maturity-assessment.entity';
import { MaturityComparison } from './models/maturity.model';

const CHUNK = 500;

/**
 * Yearly self-assessment of digital maturity per theme (0–5, with a justification). Like
 * figures, a new score supersedes the previous one for the same territory, theme and year
 * and the old one stays as history.
 */
@Injectable()
export class MaturityService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(MaturityAssessment) private readonly assessments: Repository<MaturityAssessment>,
    private readonly values: IndicatorValuesService,
  ) {}

  async set(user: User, args: SetMaturityScoreArgs): Promise<MaturityAssessment> {
    const territory = await this.values.findTerritory(args.territoryCode);
    assertCanEditTerritory(user, territory.code);
    // Like figures: an assessment for next year would become everyone's default year.
    const yearProblem = figureYearProblem(args.year);
    if (yearProblem) throw AppError.of(PublicErrorCode.BAD_USER_INPUT, yearProblem, { fields: [{ field: 'year', message: sayError(yearProblem, 'fr') }] });
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(MaturityAssessment);
      const key = { territoryCode: territory.code, theme: args.theme, year: args.year };
      await repo.update({ ...key, current: true }, { current: false });
      return repo.save(repo.create({ ...key, score: args.score, justification: args.justification.trim(), authorId: user.id, current: true }));
    });
  }

  /**
   * Each theme's score for the territory and the median of its peers' scores. For every
   * territory and theme the latest assessment up to `year` counts (nobody re-assesses every year).
   */
  async compare(territory: Territory, peerCodes: string[], year: number | null): Promise<MaturityComparison> {
    const codes = [territory.code, ...peerCodes];
    const latest = await this.latestUpTo(codes, year);
    const ownYears = [...latest.values()].filter((a) => a.territoryCode === territory.code).map((a) => a.year);
    const effectiveYear = year ?? (ownYears.length ? Math.max(...ownYears) : new Date().getFullYear());
    const rows = THEMES.map((theme) => {
      const own = latest.get(`${territory.code}|${theme}`) ?? null;
      const peerScores = peerCodes.map((c) => latest.get(`${c}|${theme}`)?.score).filter((s): s is number => s !== undefined);
      return {
        theme,
        score: own?.score ?? null,
        justification: own?.justification ?? null,
        assessedYear: own?.year ?? null,
        peerMedian: median(peerScores),
        peerCount: peerScores.length,
      };
    });
    return { territory, year: effectiveYear, rows };
  }

  private async latestUpTo(codes: string[], year: number | null): Promise<Map<string, MaturityAssessment>> {
    const latest = new Map<string, MaturityAssessment>();
    for (let i = 0; i < codes.length; i += CHUNK) {
      const rows = await this.assessments.find({
        where: { territoryCode: In(codes.slice(i, i + CHUNK)), current: true, ...(year ? { year: LessThanOrEqual(year) } : {}) },
      });
      for (const row of rows) {
        const key = `${row.territoryCode}|${row.theme}`;
        const seen = latest.get(key);
        if (!seen || seen.year < row.year || (seen.year === row.year && seen.id < row.id)) latest.set(key, row);
      }
    }
    return latest;
  }
}
