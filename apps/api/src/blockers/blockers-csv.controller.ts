import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BLOCKER_CATEGORY_LABELS_FR, isTheme } from '@essaim/domain';
import { csvDocument, PLAIN_CSV } from '../common/csv';
import { PublicErrorCode } from '../common/errors';
import { restError } from '../common/rest-errors';
import { BlockerScope, BlockerStatsService, DEFAULT_TREND_MONTHS } from './blocker-stats.service';

/** The common writer, in the dialect these files are documented with (docs/blockers.md). */
const csv = (rows: (string | number | null)[][]) => csvDocument(rows, PLAIN_CSV);

/**
 * Open data: aggregated blocker statistics as CSV (UTF-8, comma-separated, dot decimals).
 * Only counts and durations per category or month; never a description.
 */
@Controller('open-data')
export class BlockersCsvController {
  constructor(private readonly stats: BlockerStatsService) {}

  @Get('blockers.csv')
  async byCategory(
    @Query() query: Record<string, string | undefined>,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const scope = parseScope(query, lang);
    const stats = await this.stats.stats(scope, 1);
    const rows = [
      ['departement', 'epci', 'theme', 'categorie_code', 'categorie', 'ouverts', 'leves', 'dont_contournes', 'abandonnes', 'mediane_jours_levee'],
      ...stats.byCategory.map((c) => [
        scope.departement ?? '',
        scope.epci ?? '',
        scope.theme ?? '',
        c.category,
        BLOCKER_CATEGORY_LABELS_FR[c.category],
        c.open,
        c.lifted,
        c.workedAround,
        c.abandoned,
        c.medianDaysToLift,
      ]),
    ];
    send(res, 'freins-par-categorie.csv', csv(rows));
  }

  @Get('blockers-trend.csv')
  async trend(@Query() query: Record<string, string | undefined>, @Headers('accept-language') lang: string | undefined, @Res() res: Response): Promise<void> {
    const scope = parseScope(query, lang);
    const stats = await this.stats.stats(scope, DEFAULT_TREND_MONTHS);
    const rows = [
      ['departement', 'epci', 'theme', 'mois', 'ouverts_dans_le_mois', 'leves_dans_le_mois'],
      ...stats.trend.map((m) => [scope.departement ?? '', scope.epci ?? '', scope.theme ?? '', m.month, m.opened, m.lifted]),
    ];
    send(res, 'freins-par-mois.csv', csv(rows));
  }
}

function send(res: Response, filename: string, body: string): void {
  res
    .status(200)
    .setHeader('Content-Type', 'text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .setHeader('Cache-Control', 'public, max-age=300')
    .send(body);
}

/** The scope of the query string; refusals in the language of `acceptLanguage`. */
function parseScope(query: Record<string, string | undefined>, acceptLanguage: string | undefined): BlockerScope {
  const departement = (query.departement ?? '').trim() || null;
  const epci = (query.epci ?? '').trim() || null;
  const theme = (query.theme ?? '').trim() || null;
  if (departement && !/^(\d{2,3}|2[AB])$/.test(departement)) throw restError(PublicErrorCode.BAD_USER_INPUT, acceptLanguage, 'INVALID_DEPARTEMENT_CODE');
  if (epci && !/^\d{9}$/.test(epci)) throw restError(PublicErrorCode.BAD_USER_INPUT, acceptLanguage, 'INVALID_EPCI_CODE');
  if (theme && !isTheme(theme)) throw restError(PublicErrorCode.BAD_USER_INPUT, acceptLanguage, 'UNKNOWN_THEME');
  return { departement, epci, theme: theme as BlockerScope['theme'] };
}
