/** A post-login destination from `?retour=`: same-site paths only, never an open redirect. */
export function safeReturnPath(value: string | null | undefined, fallback = '/compte'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
