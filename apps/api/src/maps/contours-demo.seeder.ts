import { Injectable, Logger } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { DemoSeeder } from '../seed/seed.registry';
import { importContoursInto } from './contours/contours-import';

/** The Essonne's communes as IGN Admin Express COG 2018 drew them (see docs/data-sources.md). */
export const DEMO_CONTOURS_FILE = join(__dirname, '..', '..', 'src', 'geo', 'data', 'communes-91-essonne-2018.geojson');
export const DEMO_CONTOURS = { vintage: '2018', source: 'IGN Admin Express COG 2018 (communes de l’Essonne)', licence: 'Licence Ouverte' };

/** Loads the demo outlines with the rest of the demo data (order 1: nothing depends on it). */
@Injectable()
export class ContoursDemoSeeder implements DemoSeeder {
  readonly order = 1;
  readonly name = 'contours';
  private readonly logger = new Logger(ContoursDemoSeeder.name);

  async seed(manager: EntityManager): Promise<void> {
    const report = await importContoursInto(manager, createReadStream(DEMO_CONTOURS_FILE), DEMO_CONTOURS);
    this.logger.log(`${report.written} commune outlines (${report.merged.map((m) => `${m.from}→${m.into}`).join(', ')} merged)`);
  }
}
