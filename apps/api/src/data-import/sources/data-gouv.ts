import { createRequire } from 'node:module';
import { DataGouvOrganisation } from '../data-gouv-organisation.entity';
import { Figure, writeFigures } from '../figures-writer';
import { addError, DataImportSource, ImportRefused, MAX_LISTED, PrepareContext, rowDateError, VINTAGE_PATTERN } from '../source';
import { readCsv } from './csv-source';

const CATALOGUE_URL = 'https://www.data.gouv.fr/fr/datasets/catalogue-des-donnees-de-data-gouv-fr/';
const LICENCE = 'Licence Ouverte / Open Licence 2.0 (Etalab)';
const BATCH = 500;

let sirenIndex: Map<string, string> | null = null;

/**
 * SIREN → territory code. Communes carry their SIREN in @etalab/decoupage-administratif (their
 * INSEE code is not one); an EPCI's code is its SIREN. Départements and régions have none there.
 */
export function territoryBySiren(): Map<string, string> {
  if (sirenIndex) return sirenIndex;
  const load = createRequire(__filename);
  const communes = load('@etalab/decoupage-administratif/data/communes.json') as { code: string; type: string; siren?: string }[];
  const epci = load('@etalab/decoupage-administratif/data/epci.json') as { code: string }[];
  sirenIndex = new Map();
  for (const c of communes) if (c.siren && c.type === 'commune-actuelle') sirenIndex.set(c.siren, c.code);
  for (const e of epci) sirenIndex.set(e.code, e.code);
  return sirenIndex;
}

const latestDate = (current: string, raw: string) => {
  const date = raw.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date > current ? date : current;
};

/**
 * data.gouv.fr organisations export (organizations.csv): each organisation's SIRET
 * (`business_number_id`) gives its SIREN, matched to a commune or an EPCI. Reference data for
 * `datagouv-jeux`; replaces the previous list.
 */
export const dataGouvOrganisations: DataImportSource = {
  key: 'datagouv-organisations',
  name: 'data.gouv.fr — organisations (SIRET)',
  producer: 'DINUM (Etalab), data.gouv.fr',
  url: CATALOGUE_URL,
  licence: LICENCE,
  fileHint: 'organizations.csv (export du catalogue)',
  indicators: [],
  async prepare(context: PrepareContext) {
    const territories = await context.territories();
    const bySiren = territoryBySiren();
    const rows: DataGouvOrganisation[] = [];
    const seen = new Set<string>();
    let latest = '';
    let matched = 0;
    let withSiret = 0;
    const read = await readCsv(context, ['id', 'name', 'business_number_id'] as const, ['last_modified'] as const, (cell, line, report) => {
      const id = cell('id').trim();
      if (!/^[0-9a-f]{24}$/i.test(id)) return addError(report, line, `Identifiant d’organisation invalide « ${id} ».`);
      if (seen.has(id)) return addError(report, line, `Organisation « ${id} » en double.`);
      seen.add(id);
      const siret = cell('business_number_id').replace(/\s/g, '');
      if (siret && !/^\d{14}$|^\d{9}$/.test(siret)) return addError(report, line, `SIRET invalide « ${siret} » pour « ${cell('name')} ».`);
      const dateError = rowDateError(cell('last_modified'), 'last_modified');
      if (dateError) return addError(report, line, dateError);
      latest = latestDate(latest, cell('last_modified'));
      const code = siret ? bySiren.get(siret.slice(0, 9)) : undefined;
      if (siret) withSiret++;
      const territoryCode = code && territories.has(code) ? code : null;
      if (territoryCode) matched++;
      rows.push(
        Object.assign(new DataGouvOrganisation(), { organizationId: id, name: cell('name').slice(0, 300), siret: siret || null, territoryCode, vintage: '' }),
      );
    });
    read.notes.push(`${withSiret} organisation(s) avec SIRET, dont ${matched} rattachée(s) à une commune ou un EPCI.`);
    const vintage = context.vintage ?? (latest || null);
    if (!vintage || !VINTAGE_PATTERN.test(vintage)) throw new ImportRefused('Millésime introuvable (colonne « last_modified ») : précisez-le.');
    return {
      vintage,
      read,
      async write({ manager }) {
        // DELETE, not TRUNCATE (clear()): stays inside the transaction's normal locking on PostgreSQL.
        await manager.createQueryBuilder().delete().from(DataGouvOrganisation).execute();
        for (let i = 0; i < rows.length; i += BATCH) {
          await manager.getRepository(DataGouvOrganisation).insert(rows.slice(i, i + BATCH).map((r) => ({ ...r, vintage })));
        }
        return { organisations: rows.length, organisations_rattachees: matched };
      },
    };
  },
};

/**
 * data.gouv.fr datasets export (datasets.csv): public, non-archived datasets counted per
 * publishing organisation, credited to the territory its SIRET points to (import
 * `datagouv-organisations` first). Every territory with a matched organisation gets a value,
 * 0 included.
 */
export const dataGouvDatasets: DataImportSource = {
  key: 'datagouv-jeux',
  name: 'data.gouv.fr — catalogue des jeux de données',
  producer: 'DINUM (Etalab), data.gouv.fr',
  url: CATALOGUE_URL,
  licence: LICENCE,
  fileHint: 'datasets.csv (export du catalogue)',
  indicators: ['JEUX_DONNEES_OUVERTS'],
  async prepare(context: PrepareContext) {
    const organisations = await context.manager.getRepository(DataGouvOrganisation).find();
    if (organisations.length === 0) {
      throw new ImportRefused(
        'Importez d’abord les organisations de data.gouv.fr (source « datagouv-organisations », fichier organizations.csv) : elles portent les SIRET.',
      );
    }
    const territoryOf = new Map(organisations.map((o) => [o.organizationId, o.territoryCode]));
    const counts = new Map<string, number>();
    for (const o of organisations) if (o.territoryCode) counts.set(o.territoryCode, 0);
    const unmatched = new Set<string>();
    const seen = new Set<string>();
    let latest = '';
    let archived = 0;
    let unmatchedDatasets = 0;
    const read = await readCsv(
      context,
      ['id', 'organization_id'] as const,
      ['organization', 'archived', 'private', 'last_modified'] as const,
      (cell, line, report) => {
        const id = cell('id').trim();
        if (!/^[0-9a-f]{24}$/i.test(id)) return addError(report, line, `Identifiant de jeu de données invalide « ${id} ».`);
        if (seen.has(id)) return addError(report, line, `Jeu de données « ${id} » en double.`);
        seen.add(id);
        const dateError = rowDateError(cell('last_modified'), 'last_modified');
        if (dateError) return addError(report, line, dateError);
        latest = latestDate(latest, cell('last_modified'));
        if (/^true$/i.test(cell('archived')) || /^true$/i.test(cell('private'))) {
          archived++;
          report.rowsSkipped++;
          return;
        }
        const organisation = cell('organization_id').trim();
        if (!organisation) {
          report.rowsSkipped++;
          return;
        }
        const territory = territoryOf.get(organisation);
        if (!territory) {
          unmatchedDatasets++;
          if (unmatched.size < MAX_LISTED) unmatched.add(cell('organization') || organisation);
          return;
        }
        counts.set(territory, (counts.get(territory) ?? 0) + 1);
      },
    );
    if (archived) read.notes.push(`${archived} jeu(x) archivé(s) ou privé(s) non compté(s).`);
    if (unmatchedDatasets) {
      read.notes.push(
        `${unmatchedDatasets} jeu(x) publié(s) par ${unmatched.size} organisation(s) sans territoire (État, associations, organisations sans SIRET…) : ${[...unmatched].slice(0, 20).join(', ')}…`,
      );
    }
    const vintage = context.vintage ?? (latest || null);
    if (!vintage || !VINTAGE_PATTERN.test(vintage)) throw new ImportRefused('Millésime introuvable (colonne « last_modified ») : précisez-le.');
    const figures: Figure[] = [...counts].map(([territoryCode, n]) => ({ indicatorCode: 'JEUX_DONNEES_OUVERTS', territoryCode, rawValue: n }));
    return { vintage, read, write: (w) => writeFigures(w, figures) };
  },
};
