import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CSV_BOM, csvLine } from '../common/csv';
import { PublicErrorCode } from '../common/errors';
import { OPEN_DATA_LICENCE } from '../common/open-data-licence';
import { restError } from '../common/rest-errors';
import { Seminar } from '../seminars/entities/seminar.entity';
import { isLate } from './commitment-progress';
import { CommitmentsService, STATUS_LABELS_FR } from './commitments.service';

const COLUMNS = [
  'id',
  'engagement',
  'statut',
  'motif',
  'avancement',
  'en_retard',
  'porteur',
  'contact',
  'echeance',
  'note_moyenne',
  'notes_par_groupe',
  'divergent',
  'fiches',
] as const;

/** A seminar's commitments as open data: CSV (BOM, ";") and JSON, Licence Ouverte. */
@Controller('open-data/seminaires')
export class CommitmentsExportController {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly dataSource: DataSource,
  ) {}

  private async rows(seminarIdParam: string, acceptLanguage: string | undefined) {
    const seminarId = Number(seminarIdParam);
    const seminar = Number.isSafeInteger(seminarId) && seminarId > 0 ? await this.dataSource.getRepository(Seminar).findOneBy({ id: seminarId }) : null;
    if (!seminar) throw restError(PublicErrorCode.NOT_FOUND, acceptLanguage, 'SEMINAR_NOT_FOUND');
    const ctx = { loaders: new Map<string, unknown>() };
    const list = await this.commitments.forSeminar(seminar.id);
    const rows = await Promise.all(
      list.map(async (c) => {
        const [progress, projects] = await Promise.all([this.commitments.progress(ctx, c), this.commitments.projectsOf(ctx, c.id)]);
        const backing = this.commitments.backing(c);
        return {
          id: c.id,
          engagement: c.title,
          statut: STATUS_LABELS_FR[c.status],
          motif: c.statusReason ?? '',
          avancement: progress,
          en_retard: isLate(c),
          porteur: c.leadTerritoryCode ?? '',
          contact: c.contact ?? '',
          echeance: c.targetDate ? c.targetDate.toISOString().slice(0, 10) : '',
          note_moyenne: backing.formatted,
          notes_par_groupe: backing.byGroup.map((g) => `${g.group} : ${g.formatted}`).join(' | '),
          divergent: backing.divergent,
          fiches: projects.map((p) => p.slug).join(' '),
        };
      }),
    );
    return { seminar, rows };
  }

  @Get(':id/engagements.csv')
  async csv(@Param('id') id: string, @Headers('accept-language') lang: string | undefined, @Res() res: Response): Promise<void> {
    const { rows } = await this.rows(id, lang);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="essaim-engagements-seminaire-${Number(id)}.csv"`);
    res.setHeader('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`);
    res.send(
      CSV_BOM + csvLine([...COLUMNS]) + rows.map((r) => csvLine(COLUMNS.map((c) => (typeof r[c] === 'boolean' ? (r[c] ? 'oui' : 'non') : r[c])))).join(''),
    );
  }

  @Get(':id/engagements.json')
  async json(@Param('id') id: string, @Headers('accept-language') lang: string | undefined, @Res() res: Response): Promise<void> {
    const { seminar, rows } = await this.rows(id, lang);
    res.setHeader('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`);
    res.json({
      title: `Engagements — ${seminar.title}`,
      licence: OPEN_DATA_LICENCE,
      seminar: { id: seminar.id, title: seminar.title, date: seminar.date },
      generatedAt: new Date().toISOString(),
      count: rows.length,
      commitments: rows,
    });
  }
}
