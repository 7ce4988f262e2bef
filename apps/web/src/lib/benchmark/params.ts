import { PEER_GROUPS, PEER_SCOPES, type PeerGroup, type PeerScope } from '@essaim/domain';

/** What the /comparer form puts in the URL (a GET form: every comparison is a shareable link). */
export interface ComparisonFilters {
  territoire: string;
  groupe: PeerGroup | '';
  pairs: string;
  liste: string;
  annee: string;
  departements: string;
  /** Where the population band's peers are looked for; empty: automatic (at least 5 peers). */
  perimetre: PeerScope | '';
  indicateur: string;
}

export function readFilters(params: URLSearchParams): ComparisonFilters {
  const groupe = params.get('groupe') ?? '';
  return {
    territoire: (params.get('territoire') ?? '').trim().slice(0, 120),
    groupe: (PEER_GROUPS as readonly string[]).includes(groupe) ? (groupe as PeerGroup) : '',
    pairs: (params.get('pairs') ?? '').trim().slice(0, 4000),
    liste: /^\d{1,12}$/.test(params.get('liste') ?? '') ? params.get('liste')! : '',
    annee: /^\d{4}$/.test(params.get('annee') ?? '') ? params.get('annee')! : '',
    departements: (params.get('departements') ?? '').trim().slice(0, 200),
    perimetre: (PEER_SCOPES as readonly string[]).includes(params.get('perimetre') ?? '') ? (params.get('perimetre') as PeerScope) : '',
    indicateur: (params.get('indicateur') ?? '').trim().slice(0, 40),
  };
}

/** "91377, 91174 ;91001" → ["91377", "91174", "91001"] */
export function splitCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** Communes have 5-character INSEE codes; EPCI a 9-digit SIREN; départements 2–3 characters. */
export const looksLikeCommune = (code: string) => /^[0-9][0-9AB]\d{3}$/.test(code);
