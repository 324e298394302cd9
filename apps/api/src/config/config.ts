import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'test', 'production'] as const;
/** Express's names for address ranges (proxy-addr). */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a subnet (`10.0.0.0/8`) or one of PROXY_RANGES. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

const envSchema = z.object({
  PORT: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be 1..65535')
    .max(65535, 'must be 1..65535')
    .default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL')
    .optional(),
  RAPPORT_DATA_DIR: z.string().min(1, 'must not be empty').default('./.rapport'),
  PUBLIC_URL: z
    .url('must be an absolute http(s) URL')
    .regex(/^https?:\/\//, 'must be an absolute http(s) URL')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('info'),
  RAPPORT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NODE_ENV: z.enum(NODE_ENVS, `must be one of ${NODE_ENVS.join(', ')}`).default('development'),
  TRUST_PROXY: z
    .string()
    .transform((value, ctx) => {
      if (/^\d+$/.test(value)) return Number(value);
      const entries = value.split(',').map((entry) => entry.trim());
      if (entries.every(isProxyAddress)) return entries;
      ctx.addIssue({
        code: 'custom',
        message: `must be a number of proxies or a list of addresses, subnets or ${PROXY_RANGES.join(', ')}`,
      });
      return z.NEVER;
    })
    .optional(),
  RAPPORT_HEALTH_CRON: z
    .string()
    .trim()
    .regex(/^\S+( \S+){4}$/, 'must be a cron expression of five fields')
    .default('*/15 * * * *'),
});

export interface AppConfig {
  port: number;
  /** Unset: the app embeds PostgreSQL with its data in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Base of every link the app hands out (invitations, audits, feedback), without a trailing slash. */
  publicUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /**
   * Key that derives the tokens of feedback links (HMAC), so a link can be shown again while only its
   * hash is stored. Unset: main.ts keeps a generated one in `dataDir`.
   */
  linkSecret: string | undefined;
  /**
   * NODE_ENV=production: the GraphQL API hides its schema (no introspection, no "Did you mean …?"
   * in error messages).
   */
  production: boolean;
  /**
   * Which proxies in front of the app to believe about the client's address (X-Forwarded-For), as
   * Express's `trust proxy`: how many hops, or their addresses. Unset: none, the client is the peer.
   */
  trustProxy: number | string[] | undefined;
  /** When the scheduled health pass runs (pg-boss cron, UTC; at most once a minute). */
  healthCron: string;
}

export class ConfigError extends Error {}

/** Empty strings count as unset, as a blank line in an env file means "use the default". */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/**
 * Reads and checks the environment. Relative paths resolve against the directory `npm` was started
 * in (INIT_CWD), so `npm start` at the root keeps its data in `<root>/.rapport`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  const {
    PORT,
    DATABASE_URL,
    RAPPORT_DATA_DIR,
    PUBLIC_URL,
    LOG_LEVEL,
    RAPPORT_SECRET,
    NODE_ENV,
    TRUST_PROXY,
    RAPPORT_HEALTH_CRON,
  } = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  return {
    port: PORT,
    databaseUrl: DATABASE_URL,
    dataDir: isAbsolute(RAPPORT_DATA_DIR) ? RAPPORT_DATA_DIR : resolve(base, RAPPORT_DATA_DIR),
    publicUrl: (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, ''),
    logLevel: LOG_LEVEL,
    linkSecret: RAPPORT_SECRET,
    production: NODE_ENV === 'production',
    trustProxy: TRUST_PROXY,
    healthCron: RAPPORT_HEALTH_CRON,
  };
}

/** For command-line entry points: the configuration, or its one-line complaint and exit code 1. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
