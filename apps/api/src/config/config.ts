import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoData: boolean;
  adminEmails: string[];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  meiliUrl: string | null;
  meiliMasterKey: string | null;
  searchEngine: 'auto' | 'meilisearch' | 'fts';
  /** Prefix of the Meilisearch index names, so several instances (or test servers) can share one server. */
  meiliIndexPrefix: string;
  redisUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  serveWeb: boolean;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** Express 'trust proxy' setting, so rate limits see the client's address behind a reverse proxy. */
  trustProxy: boolean | number | string;
  publicUrl: string;
  /** Import communes of these départements only (tests, small instances); null = all of France. */
  territoryDepartements: string[] | null;
  /** Registrations per IP per hour, and login attempts per IP per 15 minutes. */
  rateLimits: { registerPerHour: number; loginPer15Min: number };
  /** How long an anonymous query's answer may be reused (dropped anyway on every change); 0 turns the cache off. */
  readCacheTtlMs: number;
  /**
   * On SIGTERM/SIGINT, how long in-flight requests and the last search outbox flush may take
   * before connections are cut (docs/deployment.md, "Graceful shutdown").
   */
  shutdownGraceMs: number;
  /** Reliability and footprint (docs/deployment.md): PostgreSQL timeouts, Redis prefix, managed Meilisearch limits. */
  pgConnectTimeoutMs: number;
  /** 0 = no limit. Not applied to migrations. */
  pgStatementTimeoutMs: number;
  /** Prefix of every Redis channel; null = derived from the database's identity (one per deployment). */
  redisPrefix: string | null;
  meiliMaxIndexingMemory: string;
  meiliMaxIndexingThreads: number;
  /** E-mail (docs/mail.md): SMTP when smtpUrl is set, else .eml files under DATA_DIR/mail. */
  mail: { smtpUrl: string | null; from: string; leaseMs: number; digestCheckMs: number; retryBaseMs: number; retryMaxMs: number };
  /** ProConnect login (OIDC); null unless PROCONNECT_ISSUER, _CLIENT_ID and _CLIENT_SECRET are all set. */
  proconnect: ProconnectConfig | null;
}

export interface ProconnectConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `PUBLIC_URL` + /auth/proconnect/callback, registered with ProConnect. */
  redirectUri: string;
  /** `PUBLIC_URL` + /auth/proconnect/logout-callback, where ProConnect sends the browser after logout. */
  postLogoutRedirectUri: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Loads `.env` (if present) without overriding variables already set in the environment. */
export function loadDotEnv(path = resolve(process.cwd(), '.env'), env: Env = process.env): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const [, key, rawValue] = match;
    if (env[key] === undefined) env[key] = rawValue.replace(/^(['"])(.*)\1$/, '$2');
  }
}

const readers = {
  string(env: Env, name: string, fallback: string): string {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  },
  optional(env: Env, name: string): string | null {
    const value = env[name];
    return value === undefined || value === '' ? null : value;
  },
  int(env: Env, name: string, fallback: number, min: number, max: number): number {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
    }
    return value;
  },
  bool(env: Env, name: string, fallback: boolean): boolean {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    throw new ConfigError(`${name} must be true or false (got "${raw}")`);
  },
  oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    }
    return raw as T;
  },
  url(env: Env, name: string, protocols: string[]): string | null {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(`${name} must be a URL (got "${raw}")`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${parsed.protocol}//")`);
    }
    return raw;
  },
};

/** Reads and validates every setting once; throws a ConfigError naming the bad variable. */
export function readConfig(env: Env = process.env): AppConfig {
  const nodeEnv = readers.oneOf<NodeEnv>(env, 'NODE_ENV', 'development', ['development', 'production', 'test']);
  const port = readers.int(env, 'PORT', 3000, 0, 65535);
  const adminEmails = readers
    .string(env, 'ADMIN_EMAILS', '')
    .split(',')
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
  for (const email of adminEmails) {
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ConfigError(`ADMIN_EMAILS contains an invalid address: "${email}"`);
  }
  const meiliUrl = readers.url(env, 'MEILI_URL', ['http:', 'https:']);
  const meiliMasterKey = readers.optional(env, 'MEILI_MASTER_KEY');
  const publicUrl = readers.url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  return {
    nodeEnv,
    port,
    host: readers.string(env, 'HOST', '0.0.0.0'),
    dataDir: resolve(readers.string(env, 'DATA_DIR', './data')),
    databaseUrl: readers.url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    demoData: readers.bool(env, 'DEMO_DATA', true),
    adminEmails,
    sessionIdleMinutes: readers.int(env, 'SESSION_IDLE_MINUTES', 60 * 24 * 7, 5, 60 * 24 * 90),
    sessionAbsoluteHours: readers.int(env, 'SESSION_ABSOLUTE_HOURS', 24 * 30, 1, 24 * 365),
    cookieSecure: readers.bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    meiliUrl,
    meiliMasterKey,
    searchEngine: readers.oneOf(env, 'SEARCH_ENGINE', 'auto', ['auto', 'meilisearch', 'fts'] as const),
    meiliIndexPrefix: readIndexPrefix(env),
    redisUrl: readers.url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    logLevel: readers.oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    serveWeb: readers.bool(env, 'SERVE_WEB', true),
    metricsToken: readers.optional(env, 'METRICS_TOKEN'),
    trustProxy: readTrustProxy(env),
    publicUrl,
    territoryDepartements: readDepartements(env),
    rateLimits: {
      registerPerHour: readers.int(env, 'RATE_LIMIT_REGISTER_PER_HOUR', 10, 1, 1_000_000),
      loginPer15Min: readers.int(env, 'RATE_LIMIT_LOGIN_PER_15_MIN', 30, 1, 1_000_000),
    },
    readCacheTtlMs: readers.int(env, 'READ_CACHE_TTL_MS', 5000, 0, 300_000),
    shutdownGraceMs: readers.int(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    pgConnectTimeoutMs: readers.int(env, 'PG_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
    pgStatementTimeoutMs: readers.int(env, 'PG_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    redisPrefix: readRedisPrefix(env),
    meiliMaxIndexingMemory: readMemorySize(env, 'MEILI_MAX_INDEXING_MEMORY', '256MiB'),
    meiliMaxIndexingThreads: readers.int(env, 'MEILI_MAX_INDEXING_THREADS', 1, 1, 256),
    mail: {
      smtpUrl: readers.url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      from: readers.string(env, 'MAIL_FROM', `Essaim <essaim@${new URL(publicUrl).hostname}>`),
      leaseMs: readers.int(env, 'MAIL_LEASE_MS', 60_000, 1000, 3_600_000),
      digestCheckMs: readers.int(env, 'MAIL_DIGEST_CHECK_MS', 300_000, 1000, 86_400_000),
      retryBaseMs: readers.int(env, 'MAIL_RETRY_BASE_MS', 2000, 50, 3_600_000),
      retryMaxMs: readers.int(env, 'MAIL_RETRY_MAX_MS', 15 * 60_000, 50, 86_400_000),
    },
    proconnect: readProconnect(env, publicUrl),
  };
}

/** All three settings or none; the issuer must be https, except on 127.0.0.1 (tests, local providers). */
export function readProconnect(env: Env, publicUrl: string): ProconnectConfig | null {
  const names = ['PROCONNECT_ISSUER', 'PROCONNECT_CLIENT_ID', 'PROCONNECT_CLIENT_SECRET'] as const;
  const [issuer, clientId, clientSecret] = names.map((name) => readers.optional(env, name));
  if (!issuer && !clientId && !clientSecret) return null;
  const missing = names.filter((_, i) => ![issuer, clientId, clientSecret][i]);
  if (missing.length)
    throw new ConfigError(`ProConnect needs PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID and PROCONNECT_CLIENT_SECRET together (missing: ${missing.join(', ')})`);
  const url = new URL(readers.url(env, 'PROCONNECT_ISSUER', ['http:', 'https:']) as string);
  if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1') {
    throw new ConfigError(`PROCONNECT_ISSUER must start with https:// (http:// is accepted on 127.0.0.1 only; got "${issuer}")`);
  }
  const base = publicUrl.replace(/\/+$/, '');
  return {
    issuer: issuer as string,
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    redirectUri: `${base}/auth/proconnect/callback`,
    postLogoutRedirectUri: `${base}/auth/proconnect/logout-callback`,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function readDepartements(env: Env): string[] | null {
  const raw = env.TERRITORY_DEPARTEMENTS?.trim();
  if (!raw) return null;
  const codes = raw.split(',').map((code) => code.trim().toUpperCase());
  const bad = codes.find((code) => !/^(\d{2,3}|2[AB])$/.test(code));
  if (bad !== undefined) throw new ConfigError(`TERRITORY_DEPARTEMENTS must list département codes such as 91,75 (got "${bad}")`);
  return codes;
}

function readIndexPrefix(env: Env): string {
  const prefix = readers.string(env, 'MEILI_INDEX_PREFIX', 'essaim');
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(prefix))
    throw new ConfigError(`MEILI_INDEX_PREFIX may only contain letters, digits, - and _ (1 to 40 characters; got "${prefix}")`);
  return prefix;
}

function readRedisPrefix(env: Env): string | null {
  const prefix = readers.optional(env, 'REDIS_PREFIX');
  if (prefix !== null && !/^[A-Za-z0-9_:.-]{1,64}$/.test(prefix))
    throw new ConfigError(`REDIS_PREFIX may only contain letters, digits, _ : . and - (1 to 64 characters; got "${prefix}")`);
  return prefix;
}

/** A size as Meilisearch reads it: bytes or a number with a unit (256MiB, 1GB). */
function readMemorySize(env: Env, name: string, fallback: string): string {
  const raw = readers.string(env, name, fallback).replace(/\s+/g, '');
  if (!/^\d+(\.\d+)?([KMGT]i?B|B)?$/i.test(raw)) throw new ConfigError(`${name} must be a size such as 256MiB or 1GiB (got "${raw}")`);
  return raw;
}

function readTrustProxy(env: Env): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  // Loopback by default: the web app's server-side calls come over loopback and carry the
  // visitor's address in X-Forwarded-For; a remote client cannot pass for loopback.
  if (!raw) return 'loopback';
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (/^(loopback|linklocal|uniquelocal|[0-9a-f.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-f.:/]+))*$/i.test(raw)) return raw;
  throw new ConfigError(`TRUST_PROXY must be true, false, a hop count or addresses such as "loopback" (got "${raw}")`);
}
