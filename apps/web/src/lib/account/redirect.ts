const BASE = 'http://essaim.invalid';

/**
 * A post-login destination from `?retour=`: resolved as a browser would (`new URL`, which drops
 * tabs and newlines and reads `\` as `/`), and kept only when it stays on this site.
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/compte'): string {
  if (!value) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
