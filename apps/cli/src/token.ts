import { DevIssuer, TokenRequest } from '@lahde/platform/auth';
import { loadConfig } from '@lahde/platform/config';

/** Signs a token with the local development issuer; never in production. */
export async function mintToken(request: Omit<TokenRequest, 'audience'>): Promise<string> {
  if (process.env['NODE_ENV'] === 'production') throw new Error('Development tokens are refused when NODE_ENV=production');
  const env = { ...process.env, DATABASE_URL: 'postgres://unused', REDIS_URL: 'redis://unused' };
  const config = loadConfig(env);
  if (request.county && !/^[0-9]{2}$/.test(request.county)) throw new Error('--county must be a two-digit county code, e.g. 10');
  const issuer = await DevIssuer.loadOrCreate(config.dataDir);
  return issuer.sign({ ...request, audience: config.auth.audience });
}
