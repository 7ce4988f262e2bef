import { PROJECT_STAGE_LABELS_FR, THEME_LABELS_FR, costPerInhabitant } from '@essaim/domain';
import type { Territory } from '../territories/territory.entity';
import type { Project } from '../wiki/project.entity';

/**
 * One exported project. Field names are French snake_case; `phase`, `phase_statut` and
 * `cout_euros` follow the vocabulary of the State's data schema for collectivités' projects
 * where it matches (see docs/wiki.md, "Open data").
 */
export interface ProjectRecord {
  id: number;
  slug: string;
  url: string;
  titre: string;
  resume: string;
  themes: string[];
  themes_libelles: string[];
  etape: string;
  etape_libelle: string;
  phase: string | null;
  phase_statut: string;
  bloque: boolean;
  collectivite_code: string;
  collectivite_nom: string | null;
  collectivite_type: string | null;
  population: number | null;
  cout_euros: number | null;
  cout_par_habitant: number | null;
  logiciels: string[];
  logiciels_libres: string[];
  duree: string | null;
  replique_de: string | null;
  nombre_replications: number;
  revision: number;
  date_creation: string;
  date_mise_a_jour: string;
  demonstration: boolean;
}

const PHASE: Record<Project['stage'], string | null> = { IDEA: 'Idée', STUDY: 'Étude', IN_PROGRESS: 'Opération', DEPLOYED: 'Opération', ABANDONED: null };

function phaseStatut(p: Project): string {
  if (p.stage === 'ABANDONED') return 'Abandonné';
  if (p.isBlocked) return 'Bloqué';
  return p.stage === 'DEPLOYED' ? 'Terminé' : 'En cours';
}

export function projectRecord(p: Project, territory: Territory | null, source: Project | null, replications: number, publicUrl: string): ProjectRecord {
  const vendors = p.sections.vendors ?? [];
  return {
    id: p.id,
    slug: p.slug,
    url: `${publicUrl.replace(/\/$/, '')}/projets/${p.slug}`,
    titre: p.title,
    resume: p.summary,
    themes: p.themes,
    themes_libelles: p.themes.map((t) => THEME_LABELS_FR[t]),
    etape: p.stage,
    etape_libelle: PROJECT_STAGE_LABELS_FR[p.stage],
    phase: PHASE[p.stage],
    phase_statut: phaseStatut(p),
    bloque: p.isBlocked,
    collectivite_code: p.territoryCode,
    collectivite_nom: territory?.name ?? null,
    collectivite_type: territory?.kind ?? null,
    population: territory?.population ?? null,
    cout_euros: p.budgetEuros,
    cout_par_habitant: costPerInhabitant(p.budgetEuros, territory?.population),
    logiciels: vendors.map((v) => v.name),
    logiciels_libres: vendors.filter((v) => v.openSource).map((v) => (v.licence ? `${v.name} (${v.licence})` : v.name)),
    duree: p.sections.duration ?? null,
    replique_de: source?.slug ?? null,
    nombre_replications: replications,
    revision: p.revision,
    date_creation: p.createdAt.toISOString(),
    date_mise_a_jour: p.updatedAt.toISOString(),
    demonstration: p.isDemo,
  };
}

export const CSV_COLUMNS = [
  'id',
  'slug',
  'url',
  'titre',
  'resume',
  'themes',
  'themes_libelles',
  'etape',
  'etape_libelle',
  'phase',
  'phase_statut',
  'bloque',
  'collectivite_code',
  'collectivite_nom',
  'collectivite_type',
  'population',
  'cout_euros',
  'cout_par_habitant',
  'logiciels',
  'logiciels_libres',
  'duree',
  'replique_de',
  'nombre_replications',
  'revision',
  'date_creation',
  'date_mise_a_jour',
  'demonstration',
] as const satisfies readonly (keyof ProjectRecord)[];
