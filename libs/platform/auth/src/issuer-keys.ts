import { Inject, Injectable } from '@nestjs/common';
import { KeyObject, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, JWTVerifyGetKey } from 'jose';
import { AppConfig, CONFIG, IssuerConfig } from '@lahde/platform/config';

export class TokenRejected extends Error {}

/**
 * Finds the verification key for a token among the configured identity providers' key sets. The key
 * comes from the set of the token's own issuer only, so one provider cannot sign for another.
 */
@Injectable()
export class IssuerKeys {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  issuerOf(token: string): IssuerConfig {
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw new TokenRejected('malformed token');
    }
    return this.issuerNamed(iss);
  }

  issuerNamed(iss: unknown): IssuerConfig {
    const issuer = this.config.auth.issuers.find((i) => i.issuer === iss);
    if (!issuer) throw new TokenRejected('unknown issuer');
    return issuer;
  }

  async keyFor(token: string): Promise<KeyObject> {
    const issuer = this.issuerOf(token);
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new TokenRejected('malformed token');
    }
    if (!header.alg || !this.config.auth.algorithms.includes(header.alg)) throw new TokenRejected('algorithm not allowed');
    const [, payload, signature] = token.split('.');
    const key = await this.keySet(issuer)(header as Parameters<JWTVerifyGetKey>[0], { payload, signature, protected: token.split('.')[0] });
    return key instanceof KeyObject ? key : KeyObject.from(key as webcrypto.CryptoKey);
  }

  private keySet(issuer: IssuerConfig): JWTVerifyGetKey {
    let set = this.keySets.get(issuer.issuer);
    if (!set) {
      set = issuer.jwksUrl
        ? createRemoteJWKSet(new URL(issuer.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 })
        : createLocalJWKSet(JSON.parse(readFileSync(issuer.jwksFile as string, 'utf8')));
      this.keySets.set(issuer.issuer, set);
    }
    return set;
  }
}
