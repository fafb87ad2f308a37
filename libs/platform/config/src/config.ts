import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import * as path from 'node:path';

/** One trusted identity provider: tokens whose `iss` equals `issuer` are verified against its keys. */
export interface IssuerConfig {
  issuer: string;
  /** HTTPS (or, outside production, HTTP) URL of the provider's JSON Web Key Set. */
  jwksUrl?: string;
  /** A JWKS on disk; used for the local development issuer. */
  jwksFile?: string;
  /** County codes this provider may vouch for; absent means any (THL's provider vouches for national roles only by `roles`). */
  counties?: string[];
  /** Roles this provider may grant; absent means every role. */
  roles?: string[];
}

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  /** Key prefix of the bull queues in Redis: deployments (or test runs) sharing one Redis stay apart. */
  queuePrefix: string;
  auth: {
    audience: string;
    algorithms: string[];
    issuers: IssuerConfig[];
    devIssuer: boolean;
    clockToleranceSeconds: number;
  };
  runJobsInApi: boolean;
  exports: {
    /** Where finished export files are kept (shared storage when the API and workers run on several hosts). */
    dir: string;
    /** HMAC key of download links; several API instances must share it. */
    linkSecret: string;
    /** Days a finished export file, or an uploaded register never committed, is kept. */
    retentionDays: number;
  };
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Requests per window before HTTP 429; 0 turns a limit off. */
  rateLimits: { perUser: number; perIp: number; windowSeconds: number };
  /** Express `trust proxy`: false, true, a hop count or a list of proxy addresses/subnets. */
  trustProxy: boolean | number | string[];
  /** Bearer token that GET /metrics requires; null leaves it open (keep it on an internal port then). */
  metricsToken: string | null;
  web: WebConfig;
}

/** The web app the API serves, and how its users sign in. */
export interface WebConfig {
  /** Built web app (index.html and assets); null or missing on disk: the API serves no pages. */
  dir: string;
  /** OpenID Connect provider for the browser (authorization code with PKCE); null: no OIDC sign-in. */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
  scope: string;
  /** Where the browser goes to end the provider's session on sign-out (optional). */
  endSessionUrl: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export const DEV_ISSUER = 'urn:lahde:dev-issuer';
const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

type Env = Record<string, string | undefined>;

/** Reads and validates the environment once at start-up; every problem is reported, not only the first. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development', problems);
  const isProduction = nodeEnv === 'production';
  const dataDir = dataDirFrom(env);

  const databaseUrl = env['DATABASE_URL'] ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (the runtime role\'s connection string); `npm start` sets it for the embedded database');
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL');

  const redisUrl = env['REDIS_URL'] ?? '';
  if (env['QUEUE_PREFIX'] !== undefined && !/^[a-z0-9_-]{1,40}$/.test(env['QUEUE_PREFIX'])) problems.push('QUEUE_PREFIX may hold a-z, 0-9, _ and - only (at most 40)');
  if (!redisUrl) problems.push('REDIS_URL is required; `npm start` starts a local redis-server and sets it');
  else if (!/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL');

  const algorithms = list(env['AUTH_ALGORITHMS'] || 'RS256,PS256,ES256');
  for (const alg of algorithms) {
    if (!ALLOWED_ALGORITHMS.includes(alg)) problems.push(`AUTH_ALGORITHMS: ${alg} is not an asymmetric JWS algorithm (allowed: ${ALLOWED_ALGORITHMS.join(', ')})`);
  }

  const devIssuer = bool(env, 'AUTH_DEV_ISSUER', !isProduction, problems);
  if (devIssuer && isProduction) problems.push('AUTH_DEV_ISSUER must not be enabled when NODE_ENV=production');
  const issuers = parseIssuers(env['AUTH_ISSUERS'], isProduction, problems);
  if (devIssuer) issuers.push({ issuer: DEV_ISSUER, jwksFile: path.join(dataDir, 'dev-issuer', 'jwks.json') });
  if (issuers.length === 0) problems.push('AUTH_ISSUERS is empty and the development issuer is off: nobody could sign in');

  const config: AppConfig = {
    nodeEnv,
    isProduction,
    host: env['HOST'] || (isProduction ? '0.0.0.0' : '127.0.0.1'),
    port: int(env, 'PORT', 3000, 0, 65535, problems),
    dataDir,
    databaseUrl,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 200, problems),
    redisUrl,
    queuePrefix: env['QUEUE_PREFIX'] || 'lahde',
    auth: {
      audience: audienceFrom(env),
      algorithms,
      issuers,
      devIssuer,
      clockToleranceSeconds: int(env, 'AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 300, problems),
    },
    runJobsInApi: bool(env, 'RUN_JOBS_IN_API', false, problems),
    exports: {
      dir: path.resolve(env['EXPORT_DIR'] || path.join(dataDir, 'exports')),
      linkSecret: exportLinkSecret(env['EXPORT_LINK_SECRET'], isProduction, problems),
      retentionDays: int(env, 'FILE_RETENTION_DAYS', 30, 1, 365, problems),
    },
    // Tests run quiet and unthrottled unless a suite asks otherwise.
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, nodeEnv === 'test' ? 'warn' : 'log', problems),
    rateLimits: {
      perUser: int(env, 'RATE_LIMIT_PER_USER', nodeEnv === 'test' ? 0 : 600, 0, 1_000_000, problems),
      perIp: int(env, 'RATE_LIMIT_PER_IP', nodeEnv === 'test' ? 0 : 3000, 0, 1_000_000, problems),
      windowSeconds: int(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600, problems),
    },
    trustProxy: trustProxyFrom(env['TRUST_PROXY'], problems),
    metricsToken: metricsTokenFrom(env['METRICS_TOKEN'], problems),
    web: {
      dir: path.resolve(env['WEB_DIR'] || path.join('dist', 'apps', 'web')),
      oidc: oidcFrom(env, isProduction, problems),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Where local state lives: the embedded database, generated credentials, the dev issuer's key. */
export function dataDirFrom(env: Env = process.env): string {
  return path.resolve(env['LAHDE_DATA_DIR'] || '.data');
}

export function audienceFrom(env: Env = process.env): string {
  return env['AUTH_AUDIENCE'] || 'lahde-api';
}

/** Outside production a per-process secret will do (links then die with the process). */
function exportLinkSecret(raw: string | undefined, isProduction: boolean, problems: string[]): string {
  if (raw && raw.length >= 32) return raw;
  if (raw || isProduction) problems.push('EXPORT_LINK_SECRET must be at least 32 characters (required in production)');
  return randomBytes(32).toString('hex');
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `false` (default: the socket's address is the client), `true`, a hop count, or proxy addresses and subnets. */
function trustProxyFrom(raw: string | undefined, problems: string[]): AppConfig['trustProxy'] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = list(raw);
  const bad = entries.filter((e) => !PROXY_NAMES.has(e) && !isIpOrSubnet(e));
  if (bad.length) problems.push(`TRUST_PROXY must be true, false, a hop count or addresses/subnets (loopback, 10.0.0.0/8, …); not ${bad.join(', ')}`);
  return entries;
}

function isIpOrSubnet(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

function metricsTokenFrom(raw: string | undefined, problems: string[]): string | null {
  if (!raw) return null;
  if (raw.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  return raw;
}

/** All of the provider's URLs and the client id, or none of them. */
function oidcFrom(env: Env, isProduction: boolean, problems: string[]): OidcConfig | null {
  const names = ['OIDC_AUTHORIZATION_URL', 'OIDC_TOKEN_URL', 'OIDC_CLIENT_ID'] as const;
  const given = names.filter((name) => env[name]);
  if (given.length === 0) return null;
  if (given.length < names.length) {
    problems.push(`OIDC sign-in needs ${names.join(', ')} together; missing ${names.filter((n) => !env[n]).join(', ')}`);
    return null;
  }
  const url = (name: string): string => {
    const raw = env[name] as string;
    try {
      const parsed = new URL(raw);
      if (isProduction && parsed.protocol !== 'https:') problems.push(`${name} must use https in production`);
    } catch {
      problems.push(`${name} is not a URL`);
    }
    return raw;
  };
  return {
    authorizationUrl: url('OIDC_AUTHORIZATION_URL'),
    tokenUrl: url('OIDC_TOKEN_URL'),
    clientId: env['OIDC_CLIENT_ID'] as string,
    scope: env['OIDC_SCOPE'] || 'openid profile email',
    endSessionUrl: env['OIDC_END_SESSION_URL'] ? url('OIDC_END_SESSION_URL') : null,
  };
}

function parseIssuers(raw: string | undefined, isProduction: boolean, problems: string[]): IssuerConfig[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push('AUTH_ISSUERS must be a JSON array of {"issuer","jwksUrl","counties"?,"roles"?}');
    return [];
  }
  if (!Array.isArray(parsed)) {
    problems.push('AUTH_ISSUERS must be a JSON array');
    return [];
  }
  const issuers: IssuerConfig[] = [];
  parsed.forEach((item: Partial<IssuerConfig>, i) => {
    const where = `AUTH_ISSUERS[${i}]`;
    if (!item || typeof item.issuer !== 'string' || !item.issuer) return void problems.push(`${where}.issuer is required`);
    if (typeof item.jwksUrl !== 'string') return void problems.push(`${where}.jwksUrl is required`);
    let url: URL;
    try {
      url = new URL(item.jwksUrl);
    } catch {
      return void problems.push(`${where}.jwksUrl is not a URL`);
    }
    if (isProduction && url.protocol !== 'https:') return void problems.push(`${where}.jwksUrl must use https in production`);
    if (item.counties !== undefined && !isStringArray(item.counties)) return void problems.push(`${where}.counties must be an array of county codes`);
    if (item.roles !== undefined && !isStringArray(item.roles)) return void problems.push(`${where}.roles must be an array of role names`);
    issuers.push({ issuer: item.issuer, jwksUrl: item.jwksUrl, counties: item.counties, roles: item.roles });
  });
  return issuers;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function list(raw: string): string[] {
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function int(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}`);
    return fallback;
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false`);
  return fallback;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${allowed.join(', ')}`);
  return fallback;
}

/** Injection token for the validated configuration. */
export const CONFIG = Symbol('CONFIG');
