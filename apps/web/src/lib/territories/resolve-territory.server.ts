import type { RequestEvent } from '@sveltejs/kit';
import { foldForSearch } from '@essaim/domain';
import { gql } from '$lib/graphql/gql.server';
import { TerritoriesQuery } from './operations';

/** An INSEE commune code (incl. Corsica 2A/2B), a département code or an EPCI SIREN. */
const CODE = /^(?:\d{2,9}|2[AB]\d{0,3}|97\d{1,3})$/i;
/** What the picker writes in the box once a suggestion is chosen: "Évry-Courcouronnes (91228)". */
const TRAILING_CODE = /\(([0-9][0-9AB]\d{0,7})\)\s*$/i;

export type TerritoryChoice = { code: string | null } | { problem: 'ambiguous' | 'unknown' };

/**
 * Turns what was typed in the territory field into a code, so the form works without
 * JavaScript: a code as is, "Name (code)" from the picker, or a name matching one territory.
 * The API still validates the code it receives.
 */
export async function resolveTerritory(event: RequestEvent, text: string): Promise<TerritoryChoice> {
  const typed = text.trim();
  if (!typed) return { code: null };
  const fromPicker = typed.match(TRAILING_CODE);
  if (fromPicker) return { code: fromPicker[1].toUpperCase() };
  if (CODE.test(typed)) return { code: typed.toUpperCase() };

  const { territories } = await gql(event, TerritoriesQuery, { search: typed.slice(0, 100), first: 10 });
  const found = territories.edges.map((e) => e.node);
  if (found.length === 1) return { code: found[0].code };
  const exact = found.filter((t) => foldForSearch(t.name) === foldForSearch(typed));
  if (exact.length === 1) return { code: exact[0].code };
  return { problem: found.length === 0 ? 'unknown' : 'ambiguous' };
}
