export type MapLevelParam = 'COMMUNE' | 'EPCI' | '';

/** `?niveau=EPCI` on /comparer; anything else means "the default for the territory". */
export function readMapLevel(params: URLSearchParams): MapLevelParam {
  const value = params.get('niveau');
  return value === 'EPCI' || value === 'COMMUNE' ? value : '';
}

/** An indicator code the API accepts (anything else in `?indicateur=` means "the default indicator"). */
export function mapIndicatorParam(text: string): string | null {
  return /^[A-Z0-9_]{1,40}$/.test(text) ? text : null;
}

/** True when the only errors of an answer come from its `map` field (an unknown `?indicateur=`). */
export function onlyMapFailed(errors: readonly { path?: readonly (string | number)[] }[]): boolean {
  return errors.length > 0 && errors.every((e) => e.path?.includes('map'));
}
