import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  /**
   * PostgreSQL: how long a new connection or a query may wait for the server before the request
   * fails (0: no query limit), and how long a start waits for an unreachable database before giving up.
   */
  databaseTimeouts: { connectMs: number; queryMs: number; startWaitSeconds: number };
  sessionSecret: string;
  sessionTtlHours: number;
  /** A session unused for longer than this is refused and removed at its next request. */
  sessionIdleTimeoutMs: number;
  cookieSecure: boolean;
  /** Express's `trust proxy`: true trusts every hop of X-Forwarded-For, a number that many hops. */
  trustProxy: boolean | number;
  seedDemo: boolean;
  logLevel: LogLevel;
  webDist: string | null;
  /**
   * Sign-in throttle. maxFailures: per account from one address (and per known device);
   * accountMaxFailures: per account from all addresses without a known-device cookie;
   * addressMaxFailures: failures per client address and hour over all accounts, past which the
   * address is refused (before that its failures only slow it down). A full account bucket locks
   * for lockMinutes, doubling each time it fills again (up to a day).
   */
  login: { maxFailures: number; accountMaxFailures: number; addressMaxFailures: number; lockMinutes: number; slowdownMs: number };
  /**
   * maxMessageBytes: the largest WebSocket message /collab accepts (a bigger one closes that socket, 1009);
   * maxDocumentBytes: the largest encoded state a document may reach (a change past it is refused).
   */
  collaboration: { compactAfterUpdates: number; maxMessageBytes: number; maxDocumentBytes: number };
  search: { meiliHost: string | null; meiliApiKey: string | undefined };
  /** Set for several API instances: pub/sub, collaboration fan-out and job locks go through Redis. */
  redisUrl: string | null;
  /** Outgoing e-mail for notifications; null keeps notifications in the app only. */
  smtp: { url: string; from: string } | null;
  /** Public origin of the web app (links in e-mails), e.g. https://jianyan.example.org */
  publicUrl: string | null;
  /** GraphQL operations deeper or costlier than this are refused with QUERY_TOO_COMPLEX. */
  graphqlLimits: { maxDepth: number; maxCost: number };
  /** Requests per caller (account, or address when signed out) per minute; 0 = no limit. */
  rateLimitPerMinute: number;
  /** Sent as `X-Health-Token`, gets the detailed GET /health (monitoring); null: details for signed-in admins only. */
  healthToken: string | null;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true');
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number between ${min} and ${max}`);

const DURATION_UNITS_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;
/** A duration such as `8h`, `30m` or `45s`, in milliseconds, between min and max seconds. */
const duration = (minSeconds: number, maxSeconds: number) =>
  z
    .string()
    .regex(/^\d+[smh]$/, 'must be a number followed by s, m or h (e.g. 8h, 30m, 45s)')
    .transform((v) => Number(v.slice(0, -1)) * DURATION_UNITS_MS[v.slice(-1) as keyof typeof DURATION_UNITS_MS])
    .refine((ms) => ms >= minSeconds * 1000 && ms <= maxSeconds * 1000, `must be between ${minSeconds} s and ${maxSeconds / 86_400} days`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: wholeNumber(0, 65535).default('3000'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)')
    .optional(),
  DATABASE_CONNECT_TIMEOUT_MS: wholeNumber(100, 600_000).default('5000'),
  DATABASE_QUERY_TIMEOUT_MS: wholeNumber(0, 86_400_000).default('60000'),
  DATABASE_START_WAIT_SECONDS: wholeNumber(0, 86_400).default('60'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: wholeNumber(1, 24 * 90).default('168'),
  SESSION_IDLE_TIMEOUT: duration(1, 86_400 * 90).default('8h'),
  COOKIE_SECURE: booleanString.optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be true, false or the number of proxies in front (e.g. 1)')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : Number(v)))
    .default('false'),
  SEED_DEMO: booleanString.default('true'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  WEB_DIST: z.string().optional(),
  LOGIN_MAX_FAILURES: wholeNumber(1, 100).default('5'),
  LOGIN_ACCOUNT_MAX_FAILURES: wholeNumber(1, 10_000).default('20'),
  LOGIN_ADDRESS_MAX_FAILURES: wholeNumber(1, 100_000).default('100'),
  LOGIN_LOCK_MINUTES: wholeNumber(1, 24 * 60).default('15'),
  LOGIN_SLOWDOWN_MS: wholeNumber(0, 10_000).default('250'),
  COLLAB_COMPACT_AFTER: wholeNumber(1, 1_000_000_000).default('500'),
  /** Encoded Yjs state a proposal's document may reach (4 MiB); updates past it are refused. */
  COLLAB_MAX_DOCUMENT_BYTES: wholeNumber(1024, 1024 * 1024 * 1024).default(String(4 * 1024 * 1024)),
  COLLAB_MAX_MESSAGE_BYTES: wholeNumber(64 * 1024, 64 * 1024 * 1024).default(String(4 * 1024 * 1024)),
  MEILI_HOST: z.string().url('must be a URL such as http://meilisearch:7700').optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587').optional(),
  SMTP_FROM: z.string().min(3).optional(),
  PUBLIC_URL: z.string().url('must be a URL such as https://jianyan.example.org').optional(),
  GRAPHQL_MAX_DEPTH: wholeNumber(2, 100).default('12'),
  GRAPHQL_MAX_COST: wholeNumber(10, 100_000_000).default('200000'),
  RATE_LIMIT_PER_MINUTE: wholeNumber(0, 1_000_000).default('1200'),
  HEALTH_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
});

/**
 * Reads and validates the environment. Throws ConfigError naming the first bad variable,
 * so the process can stop with a message a person can act on.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    throw new ConfigError(variable, `${issue.message} (got ${JSON.stringify(present[variable] ?? null)})`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET', 'is required in production (at least 32 random characters)');
  }
  if (e.LOGIN_ACCOUNT_MAX_FAILURES < e.LOGIN_MAX_FAILURES) {
    throw new ConfigError('LOGIN_ACCOUNT_MAX_FAILURES', `must be at least LOGIN_MAX_FAILURES (${e.LOGIN_MAX_FAILURES})`);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'jianyan.sqlite') },
    databaseTimeouts: {
      connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      queryMs: e.DATABASE_QUERY_TIMEOUT_MS,
      startWaitSeconds: e.DATABASE_START_WAIT_SECONDS,
    },
    sessionSecret: e.SESSION_SECRET ?? '',
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleTimeoutMs: e.SESSION_IDLE_TIMEOUT,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : null,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      accountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
      addressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      slowdownMs: e.LOGIN_SLOWDOWN_MS,
    },
    collaboration: {
      compactAfterUpdates: e.COLLAB_COMPACT_AFTER,
      maxMessageBytes: e.COLLAB_MAX_MESSAGE_BYTES,
      maxDocumentBytes: e.COLLAB_MAX_DOCUMENT_BYTES,
    },
    search: { meiliHost: e.MEILI_HOST ?? null, meiliApiKey: e.MEILI_API_KEY },
    redisUrl: e.REDIS_URL ?? null,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM ?? 'Jianyan <no-reply@localhost>' } : null,
    publicUrl: e.PUBLIC_URL ?? null,
    graphqlLimits: { maxDepth: e.GRAPHQL_MAX_DEPTH, maxCost: e.GRAPHQL_MAX_COST },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    healthToken: e.HEALTH_TOKEN ?? null,
  };
}

/**
 * Creates the data folder and, when no SESSION_SECRET is given (one-machine installs),
 * a random secret kept in it so that sessions survive restarts.
 */
export function prepareDataDir(config: AppConfig): AppConfig {
  mkdirSync(config.dataDir, { recursive: true });
  if (config.sessionSecret) return config;
  const secretFile = path.join(config.dataDir, 'session-secret');
  if (!existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return { ...config, sessionSecret: readFileSync(secretFile, 'utf8').trim() };
}
