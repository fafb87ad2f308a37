import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { DEV_ISSUER } from '@lahde/platform/config';
import { Role } from './roles';

const ALG = 'ES256';

export interface TokenRequest {
  role: Role;
  county?: string | null;
  subject?: string;
  name?: string;
  email?: string;
  /** Lifetime in seconds. */
  ttlSeconds?: number;
  audience: string;
}

/** The local development issuer: a key pair kept in the data directory, created on first use. */
export class DevIssuer {
  private constructor(
    private readonly privateJwk: JWK,
    readonly issuer: string,
  ) {}

  static async loadOrCreate(dataDir: string, issuer = DEV_ISSUER): Promise<DevIssuer> {
    const dir = path.join(dataDir, 'dev-issuer');
    const privateFile = path.join(dir, 'private.jwk.json');
    if (!existsSync(privateFile)) {
      mkdirSync(dir, { recursive: true });
      const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
      const kid = `dev-${Date.now().toString(36)}`;
      const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG };
      const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
      writeFileSync(privateFile, JSON.stringify(privateJwk), { mode: 0o600 });
      chmodSync(privateFile, 0o600);
      writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [publicJwk] }));
    }
    return new DevIssuer(JSON.parse(readFileSync(privateFile, 'utf8')) as JWK, issuer);
  }

  async sign(request: TokenRequest): Promise<string> {
    return signToken(this.privateJwk, this.issuer, request);
  }
}

/** Signs a Lähde access token with a private JWK; shared by the dev issuer and the test issuers. */
export async function signToken(privateJwk: JWK, issuer: string, request: TokenRequest): Promise<string> {
  const key = await importJWK(privateJwk, privateJwk.alg ?? ALG);
  const claims: Record<string, unknown> = { role: request.role };
  if (request.county) claims['county'] = request.county;
  if (request.name) claims['name'] = request.name;
  if (request.email) claims['email'] = request.email;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: privateJwk.alg ?? ALG, kid: privateJwk.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(request.audience)
    .setSubject(request.subject ?? `dev-${request.role.toLowerCase()}${request.county ? `-${request.county}` : ''}`)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.ttlSeconds ?? 8 * 3600))
    .sign(key);
}
