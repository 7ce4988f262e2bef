/**
 * Where to send the browser after login: the given value resolved against the site's origin and
 * kept only when it stays on that origin (`/\t/evil.example`, `//evil.example`, `https://evil…`
 * all fall back to "/"). Returns a path with its query and fragment.
 */
export function sameOriginPath(value: unknown, origin: string, fallback = '/'): string {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return fallback;
  const base = new URL(origin);
  let target: URL;
  try {
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
