import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { User } from '../../accounts/user.entity';
import { Territory } from '../../territories/territory.entity';
import { canActForTerritory } from '../../common/auth/policies';
import { cannotEditMessage } from '../benchmark-access';
import { maxFigureYear } from '@essaim/domain';
import { MAX_CSV_LINES, MAX_SOURCE_LENGTH, MIN_YEAR } from '../dto/benchmark-bounds';
import { figureError, parseFigure } from '../figure-rules';
import { IndicatorValue } from '../indicator-value.entity';
import { IndicatorValuesService } from '../indicator-values.service';
import { IndicatorsService } from '../indicators.service';
import { ImportError, ImportReport } from '../models/import-report.model';
import { parseCsv } from './csv';
import { mapHeader, normaliseTerritoryCode } from './csv-columns';

const MAX_REPORTED_ERRORS = 500;
const DEFAULT_SOURCE = 'Import CSV';

type Row = Pick<IndicatorValue, 'indicatorId' | 'territoryCode' | 'year' | 'rawValue' | 'source'>;

/**
 * CSV import of figures. Every line is checked first; a real import writes only when no line
 * has an error, in one transaction (all-or-nothing). Same permission as a single entry: each
 * line's territory must be the user's own unless they are moderator or admin.
 */
@Injectable()
export class IndicatorImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly values: IndicatorValuesService,
  ) {}

  async import(user: User, csv: string, dryRun: boolean): Promise<ImportReport> {
    const { rows, errors } = await this.check(user, csv);
    const report = (imported: number, reported: ImportError[]): ImportReport => ({ imported, errors: reported, dryRun, valid: rows.length });
    if (errors.length > 0 || dryRun) return report(0, this.bounded(errors));
    await this.dataSource.transaction(async (manager) => {
      await this.values.supersede(manager, rows);
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500).map((r) => ({ ...r, authorId: user.id, current: true, isDemo: false }));
        await manager.createQueryBuilder().insert().into(IndicatorValue).values(batch).execute();
      }
    });
    return report(rows.length, []);
  }

  private bounded(errors: ImportError[]): ImportError[] {
    if (errors.length <= MAX_REPORTED_ERRORS) return errors;
    const rest = errors.length - MAX_REPORTED_ERRORS;
    return [...errors.slice(0, MAX_REPORTED_ERRORS), { line: errors[MAX_REPORTED_ERRORS].line, message: `… et ${rest} autre(s) erreur(s) non détaillée(s).` }];
  }

  /** Parses and validates every line; returns the rows to write and the per-line errors. */
  private async check(user: User, csv: string): Promise<{ rows: Row[]; errors: ImportError[] }> {
    const { records } = parseCsv(csv);
    if (records.length === 0) return { rows: [], errors: [{ line: 1, message: 'Le fichier est vide : il faut au moins un en-tête et une ligne.' }] };
    if (records.length - 1 > MAX_CSV_LINES) {
      return {
        rows: [],
        errors: [{ line: 1, message: `Le fichier compte ${records.length - 1} lignes ; découpez-le en fichiers de ${MAX_CSV_LINES} lignes au plus.` }],
      };
    }
    const [header, ...lines] = records;
    const { columns, error } = mapHeader(header.cells);
    if (error) return { rows: [], errors: [{ line: header.line, message: error }] };
    if (lines.length === 0) return { rows: [], errors: [{ line: header.line, message: 'Aucune ligne de données après l’en-tête.' }] };

    const indicators = new Map((await this.indicators.all()).map((i) => [i.code, i]));
    const territories = await this.territoriesByCode(lines.map((l) => normaliseTerritoryCode(l.cells[columns.territory!] ?? '')));
    const rows: Row[] = [];
    const errors: ImportError[] = [];
    const firstLineOf = new Map<string, number>();
    for (const { line, cells } of lines) {
      const cell = (c: keyof typeof columns) => (columns[c] === undefined ? '' : (cells[columns[c]!] ?? '').trim());
      const problems: string[] = [];
      const indicatorCode = cell('indicator').toUpperCase();
      const territoryCode = normaliseTerritoryCode(cell('territory'));
      const indicator = indicators.get(indicatorCode);
      const territory = territories.get(territoryCode);
      if (cells.length > header.cells.length)
        problems.push('trop de colonnes (une virgule décimale dans un fichier séparé par des virgules ? utilisez « ; » ou des guillemets)');
      if (!indicatorCode) problems.push('indicateur manquant');
      else if (!indicator) problems.push(`indicateur inconnu « ${indicatorCode} »`);
      if (!territoryCode) problems.push('territoire manquant');
      else if (!territory) problems.push(`territoire inconnu « ${territoryCode} »`);
      else if (!canActForTerritory(user, territory.code)) problems.push(cannotEditMessage(territory.code));
      const yearText = cell('year');
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (!(year >= MIN_YEAR && year <= maxFigureYear()))
        problems.push(`année invalide « ${yearText} » (attendu : ${MIN_YEAR} à ${maxFigureYear()}, pas d’année future)`);
      const valueText = cell('value');
      const value = indicator ? parseFigure(valueText, indicator) : parseFigure(valueText, { minValue: null, maxValue: null, inputUnit: '' });
      if (!valueText) problems.push('valeur manquante');
      else if (value === null) problems.push(`valeur non numérique « ${valueText} » (exemples acceptés : 12,5 ou 12.5)`);
      else if (indicator && territory) {
        const ruleError = figureError(indicator, territory, value);
        if (ruleError) problems.push(ruleError);
      }
      const source = cell('source');
      if (source.length > MAX_SOURCE_LENGTH) problems.push(`source trop longue (${MAX_SOURCE_LENGTH} caractères au plus)`);
      if (indicator && territory && Number.isFinite(year)) {
        const key = `${indicator.id}|${territory.code}|${year}`;
        const first = firstLineOf.get(key);
        if (first !== undefined) problems.push(`doublon de la ligne ${first} (même indicateur, territoire et année)`);
        else firstLineOf.set(key, line);
      }
      if (problems.length > 0) {
        errors.push({ line, message: `${capitalise(problems.map((p) => p.replace(/\.$/, '')).join(' ; '))}.` });
        continue;
      }
      rows.push({ indicatorId: indicator!.id, territoryCode: territory!.code, year, rawValue: value!, source: source || DEFAULT_SOURCE });
    }
    return { rows, errors };
  }

  private async territoriesByCode(codes: string[]): Promise<Map<string, Territory>> {
    const unique = [...new Set(codes.filter(Boolean))];
    const map = new Map<string, Territory>();
    for (let i = 0; i < unique.length; i += 500) {
      const found = await this.dataSource.getRepository(Territory).findBy({ code: In(unique.slice(i, i + 500)) });
      for (const t of found) map.set(t.code, t);
    }
    return map;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
