import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK } from 'jose';
import { Role, signToken } from '@lahde/platform/auth';
import { IssuerConfig } from '@lahde/platform/config';

export const TEST_AUDIENCE = 'lahde-api';

/**
 * An identity provider for tests: its public keys are served over real HTTP as a JWKS, exactly as a
 * county's or THL's provider would serve them, and it signs tokens for any role and county.
 */
export class TestIssuer {
  private constructor(
    readonly issuer: string,
    private readonly privateJwk: JWK,
    private readonly server: Server,
    readonly jwksUrl: string,
  ) {}

  static async start(issuer = 'https://idp.test.lahde', alg: 'ES256' | 'RS256' = 'ES256'): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const kid = `test-${Math.random().toString(36).slice(2)}`;
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg };
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }] });
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestIssuer(issuer, privateJwk, server, `http://127.0.0.1:${port}/jwks.json`);
  }

  config(restrictions: Pick<IssuerConfig, 'counties' | 'roles'> = {}): IssuerConfig {
    return { issuer: this.issuer, jwksUrl: this.jwksUrl, ...restrictions };
  }

  token(role: Role, county?: string, overrides: { subject?: string; ttlSeconds?: number; audience?: string; name?: string; email?: string; issuer?: string } = {}): Promise<string> {
    return signToken(this.privateJwk, overrides.issuer ?? this.issuer, {
      role,
      county,
      subject: overrides.subject ?? `${role.toLowerCase()}-${county ?? 'thl'}`,
      name: overrides.name,
      email: overrides.email,
      ttlSeconds: overrides.ttlSeconds,
      audience: overrides.audience ?? TEST_AUDIENCE,
    });
  }

  /** Signs arbitrary claims with this issuer's key, for tokens that must be wrong in one precise way. */
  get key(): JWK {
    return this.privateJwk;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
