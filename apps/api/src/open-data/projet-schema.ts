import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Territory } from '../territories/territory.entity';
import type { Project } from '../wiki/project.entity';

/**
 * Essaim's sheets in the schema published for collectivités' projects
 * (betagouv/schema-projet-collectivites-transition-ecologique v0.1.0, schema.data.gouv.fr):
 * resources `projets-territoire` and `collectivites`, CSV with "," and UTF-8 as the schema's
 * examples, arrays as JSON. Names are the schema's own; see docs/wiki.md, "Open data".
 */
export const SCHEMA_REFERENCE = 'https://github.com/betagouv/schema-projet-collectivites-transition-ecologique';

export const PROJET_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'nom',
  'description',
  'budgetPrevisionnel',
  'dateDebutPrevisionnelle',
  'phase',
  'phaseStatut',
  'programme',
  'porteurCodeSiret',
  'porteurReferentEmail',
  'porteurReferentTelephone',
  'porteurReferentPrenom',
  'porteurReferentNom',
  'porteurReferentFonction',
  'competences',
  'leviers',
  'mecId',
  'tetId',
  'recocoId',
  'collectiviteIds',
] as const;

export const COLLECTIVITE_COLUMNS = [
  'id',
  'nom',
  'type',
  'codeInsee',
  'codeDepartements',
  'codeRegions',
  'codeEpci',
  'siren',
  'createdAt',
  'updatedAt',
] as const;

type Row<C extends readonly string[]> = Record<C[number], string | number | string[] | null>;

const PHASE: Record<Project['stage'], string | null> = { IDEA: 'Idée', STUDY: 'Étude', IN_PROGRESS: 'Opération', DEPLOYED: 'Opération', ABANDONED: null };
const KIND: Record<string, string> = { COMMUNE: 'Commune', EPCI: 'EPCI', DEPARTEMENT: 'Département', REGION: 'Région' };

/** The schema's phaseStatut enum: Terminé, En cours, Bloqué, Abandonné (En retard / En pause are not tracked). */
export function phaseStatut(p: Pick<Project, 'stage' | 'isBlocked'>): string {
  if (p.stage === 'ABANDONED') return 'Abandonné';
  if (p.isBlocked) return 'Bloqué';
  return p.stage === 'DEPLOYED' ? 'Terminé' : 'En cours';
}

/** Fixed namespace: a territory keeps the same UUID in every export (UUID v5 of its code). */
const TERRITORY_NAMESPACE = '6f1c2b1e-7f0a-5b8e-9c33-2d4f5a6b7c8d';

export function territoryUuid(code: string): string {
  const namespace = Buffer.from(TERRITORY_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(`essaim:territoire:${code}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

let communeSiren: Map<string, string> | null = null;
function sirenOf(t: Territory): string | null {
  if (t.kind === 'EPCI') return /^\d{9}$/.test(t.code) ? t.code : null;
  if (t.kind !== 'COMMUNE') return null;
  if (!communeSiren) {
    const load = createRequire(__filename);
    const communes = load('@etalab/decoupage-administratif/data/communes.json') as { code: string; type: string; siren?: string }[];
    communeSiren = new Map(communes.filter((c) => c.siren && c.type === 'commune-actuelle').map((c) => [c.code, c.siren!]));
  }
  return communeSiren.get(t.code) ?? null;
}

export function projetRow(p: Project): Row<typeof PROJET_COLUMNS> {
  return {
    id: p.uuid,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    nom: p.title,
    description: p.summary,
    budgetPrevisionnel: p.budgetEuros === null ? null : Math.round(p.budgetEuros),
    dateDebutPrevisionnelle: null,
    phase: PHASE[p.stage],
    phaseStatut: phaseStatut(p),
    programme: null,
    porteurCodeSiret: null,
    porteurReferentEmail: null,
    porteurReferentTelephone: null,
    porteurReferentPrenom: null,
    porteurReferentNom: null,
    porteurReferentFonction: null,
    competences: null,
    leviers: null,
    mecId: null,
    tetId: null,
    recocoId: null,
    collectiviteIds: [territoryUuid(p.territoryCode)],
  };
}

export function collectiviteRow(t: Territory, createdAt: Date, updatedAt: Date, departementRegion: Map<string, string>): Row<typeof COLLECTIVITE_COLUMNS> {
  const departement = t.kind === 'DEPARTEMENT' ? t.code : t.departementCode;
  const region = t.kind === 'REGION' ? t.code : (t.regionCode ?? (departement ? departementRegion.get(departement) : undefined) ?? null);
  return {
    id: territoryUuid(t.code),
    nom: t.name,
    type: KIND[t.kind] ?? 'Commune',
    codeInsee: t.kind === 'COMMUNE' ? t.code : null,
    codeDepartements: departement ? [departement] : null,
    codeRegions: region ? [region.replace(/^R/, '')] : null,
    codeEpci: t.kind === 'EPCI' ? t.code : t.epciCode,
    siren: sirenOf(t),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** Table Schema CSV: "," separator, RFC 4180 quoting, arrays as JSON, empty cell for missing values. */
export function schemaCsvLine(values: (string | number | string[] | null)[]): string {
  return (
    values
      .map((v) => {
        if (v === null || v === undefined) return '';
        const text = Array.isArray(v) ? JSON.stringify(v) : String(v);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(',') + '\r\n'
  );
}
