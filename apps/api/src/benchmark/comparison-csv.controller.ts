import { Controller, Get, Query, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { THEME_LABELS_FR } from '@essaim/domain';
import { AppError, PublicErrorCode } from '../common/errors';
import { ComparisonService } from './comparison.service';
import { ComparisonArgs } from './dto/comparison.args';
import { csvDocument, FRENCH_SPREADSHEET, PLAIN_CSV } from '../common/csv';
import type { Comparison } from './models/comparison.model';

type Format = 'standard' | 'excel';

const HTTP_STATUS: Partial<Record<PublicErrorCode, number>> = {
  [PublicErrorCode.BAD_USER_INPUT]: 400,
  [PublicErrorCode.NOT_FOUND]: 404,
  [PublicErrorCode.UNAUTHENTICATED]: 401,
  [PublicErrorCode.FORBIDDEN]: 403,
};

/**
 * Open data: a comparison as CSV, one line per indicator.
 * GET /open-data/comparison.csv?territory=91228&group=POPULATION_BAND&year=2024
 *   group: SAME_EPCI | POPULATION_BAND | CUSTOM (default CUSTOM when `peers` is given, else POPULATION_BAND)
 *   peers: comma-separated codes (CUSTOM); departements: comma-separated, or scope
 *   DEPARTEMENT | REGION | FRANCE (POPULATION_BAND)
 *   format: standard (default: "," and "." decimals, like the other open-data files) or
 *           excel (";", decimal commas and a BOM, for French spreadsheets).
 */
@Controller('open-data')
export class ComparisonCsvController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Get('comparison.csv')
  async comparison(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
    const list = (name: string) =>
      text(name)
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
    const format: Format = text('format') === 'excel' ? 'excel' : 'standard';
    const args = plainToInstance(ComparisonArgs, {
      territoryCode: text('territory'),
      peerGroup: text('group') || (list('peers').length ? 'CUSTOM' : 'POPULATION_BAND'),
      peerCodes: list('peers').length ? list('peers') : undefined,
      departements: list('departements').length ? list('departements') : undefined,
      scope: text('scope') || undefined,
      year: text('year') ? Number(text('year')) : undefined,
    });
    const problems = await validate(args, { whitelist: true, stopAtFirstError: true });
    if (problems.length) {
      const messages = problems.flatMap((p) => Object.values(p.constraints ?? {}));
      res
        .status(400)
        .type('text/plain; charset=utf-8')
        .send(`Paramètres invalides : ${messages.join(' ')}`);
      return;
    }
    try {
      const comparison = await this.comparisons.compare(args, null);
      const filename = `comparaison-${comparison.territory.code}-${comparison.year}.csv`;
      res
        .status(200)
        .setHeader('Content-Type', 'text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
        .setHeader('Cache-Control', 'public, max-age=300')
        .send(toCsv(comparison, format));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const status = HTTP_STATUS[error.extensions.code as PublicErrorCode] ?? 400;
      res.status(status).type('text/plain; charset=utf-8').send(error.message);
    }
  }
}

export function toCsv(comparison: Comparison, format: Format): string {
  const number = (v: number | null) => (v === null ? null : round(v));
  const header = [
    'annee',
    'territoire',
    'territoire_nom',
    'groupe_pairs',
    'pairs',
    'indicateur',
    'indicateur_nom',
    'theme',
    'unite',
    'plus_haut_est_mieux',
    'valeur',
    'rang',
    'sur',
    'mediane_pairs',
    'ecart_mediane',
    'meilleur_pair',
    'meilleur_pair_nom',
    'valeur_meilleur_pair',
    'en_retard',
    'source',
    'millesime',
    'licence',
    'source_url',
    'donnee_de_demonstration',
  ];
  const lines = comparison.rows.map((row) => [
    comparison.year,
    comparison.territory.code,
    comparison.territory.name,
    comparison.peerGroup,
    comparison.peers.length,
    row.indicator.code,
    row.indicator.name,
    row.indicator.theme ? THEME_LABELS_FR[row.indicator.theme] : '',
    row.indicator.unit,
    row.indicator.higherIsBetter ? 'oui' : 'non',
    number(row.value),
    row.rank ?? '',
    row.outOf,
    number(row.peerMedian),
    number(row.gap),
    row.best?.code ?? '',
    row.best?.name ?? '',
    number(row.bestValue),
    row.lagging ? 'oui' : 'non',
    row.source?.name ?? '',
    row.source?.vintage ?? '',
    row.source?.licence ?? '',
    row.source?.url ?? '',
    // The row's values, the peers' included: a territory without a figure still gets demo peer values.
    row.isDemo ? 'oui' : 'non',
  ]);
  return csvDocument([header, ...lines], format === 'excel' ? FRENCH_SPREADSHEET : PLAIN_CSV);
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
