import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OpenDataService } from './open-data.service';
import { CSV_BOM, csvLine } from './csv';
import { CSV_COLUMNS, OPEN_DATA_LICENCE } from './project-record';

/** Public exports of the project sheets (Licence Ouverte / Etalab 2.0), ordered by id. */
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('projects.csv')
  async csv(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="essaim-projets.csv"');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`);
    let out = CSV_BOM + csvLine([...CSV_COLUMNS]);
    for await (const batch of this.openData.records()) {
      for (const record of batch) out += csvLine(CSV_COLUMNS.map((c) => record[c]));
    }
    res.send(out);
  }

  @Get('projects.json')
  async json(@Res() res: Response): Promise<void> {
    const projects = [];
    for await (const batch of this.openData.records()) projects.push(...batch);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`);
    res.json({
      title: 'Essaim — fiches projet numériques des collectivités',
      licence: OPEN_DATA_LICENCE,
      documentation: 'docs/wiki.md#open-data',
      generatedAt: new Date().toISOString(),
      count: projects.length,
      projects,
    });
  }
}
