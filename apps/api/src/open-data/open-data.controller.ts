import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OpenDataService } from './open-data.service';
import { CSV_BOM, csvLine } from '../common/csv';
import { OPEN_DATA_LICENCE } from '../common/open-data-licence';
import { CSV_COLUMNS } from './project-record';
import { COLLECTIVITE_COLUMNS, PROJET_COLUMNS, SCHEMA_REFERENCE, schemaCsvLine } from './projet-schema';

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

  /** The sheets in the published project schema (resource `projets-territoire`), validated against it in tests. */
  @Get('projets-territoire.csv')
  async projetsTerritoire(@Res() res: Response): Promise<void> {
    this.schemaHeaders(res, 'projets-territoire.csv');
    let out = schemaCsvLine([...PROJET_COLUMNS]);
    for await (const batch of this.openData.projetsTerritoire()) for (const row of batch) out += schemaCsvLine(row);
    res.send(out);
  }

  /** The collectivités the sheets point to (resource `collectivites` of the same schema). */
  @Get('collectivites.csv')
  async collectivites(@Res() res: Response): Promise<void> {
    this.schemaHeaders(res, 'collectivites.csv');
    let out = schemaCsvLine([...COLLECTIVITE_COLUMNS]);
    for (const row of await this.openData.collectivites()) out += schemaCsvLine(row);
    res.send(out);
  }

  private schemaHeaders(res: Response, filename: string): void {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license", <${SCHEMA_REFERENCE}>; rel="describedby"`);
  }
}
