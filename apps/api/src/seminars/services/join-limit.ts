/**
 * Joins and join-code lookups per IP and 10 minutes. A whole room often shares one public
 * address (venue Wi-Fi), so the default is generous; join codes carry ~40 bits, so even this
 * rate cannot enumerate them. SEMINAR_JOIN_LIMIT_PER_10_MIN changes it (read once at start).
 */
export function joinLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEMINAR_JOIN_LIMIT_PER_10_MIN;
  if (raw === undefined || raw === '') return 1000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 10_000_000) {
    throw new Error(`SEMINAR_JOIN_LIMIT_PER_10_MIN must be a whole number between 1 and 10000000 (got "${raw}")`);
  }
  return value;
}
