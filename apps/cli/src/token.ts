import { DevIssuer, TokenRequest } from '@lahde/platform/auth';
import { audienceFrom, dataDirFrom } from '@lahde/platform/config';

/** Signs a token with the local development issuer; never in production. */
export async function mintToken(request: Omit<TokenRequest, 'audience'>): Promise<string> {
  if (process.env['NODE_ENV'] === 'production') throw new Error('Development tokens are refused when NODE_ENV=production');
  if (request.county && !/^[0-9]{2}$/.test(request.county)) throw new Error('--county must be a two-digit county code, e.g. 10');
  const issuer = await DevIssuer.loadOrCreate(dataDirFrom());
  return issuer.sign({ ...request, audience: audienceFrom() });
}
