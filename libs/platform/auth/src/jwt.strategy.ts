import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { IssuerKeys, TokenRejected } from './issuer-keys';
import { COUNTY_LOOKUP, CountyLookup, Principal } from './principal';
import { countyMismatch, isRole, NATIONAL_ROLES, Role } from './roles';

interface LahdeClaims {
  iss?: string;
  sub?: string;
  exp?: number;
  role?: unknown;
  county?: unknown;
  name?: unknown;
  email?: unknown;
}

/**
 * passport-jwt verifies signature, algorithm, issuer, audience and expiry; `validate` then turns the
 * claims into a Principal, refusing role and county combinations the issuer may not vouch for.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(CONFIG) config: AppConfig,
    private readonly keys: IssuerKeys,
    @Inject(COUNTY_LOOKUP) private readonly counties: CountyLookup,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken accepts a KeyObject, though the typings only name strings and buffers.
      secretOrKeyProvider: (_req: unknown, token: string, done: (err: unknown, key?: string) => void) => {
        keys.keyFor(token).then(
          (key) => done(null, key as unknown as string),
          (err) => done(err instanceof TokenRejected ? err : new TokenRejected('signing key not found')),
        );
      },
      issuer: config.auth.issuers.map((i) => i.issuer),
      audience: config.auth.audience,
      algorithms: config.auth.algorithms as never,
      jsonWebTokenOptions: { clockTolerance: config.auth.clockToleranceSeconds },
    });
  }

  async validate(claims: LahdeClaims): Promise<Principal> {
    if (typeof claims.exp !== 'number') throw new TokenRejected('token has no expiry');
    if (typeof claims.sub !== 'string' || !claims.sub) throw new TokenRejected('token has no subject');
    if (!isRole(claims.role)) throw new TokenRejected('token has no valid role');
    const issuer = this.keys.issuerNamed(claims.iss);
    const role: Role = claims.role;
    const countyCode = typeof claims.county === 'string' && claims.county ? claims.county : null;

    if (issuer.roles && !issuer.roles.includes(role)) throw new TokenRejected('issuer may not grant this role');
    const mismatch = countyMismatch(role, countyCode !== null);
    if (mismatch) throw new TokenRejected(mismatch);
    if (countyCode && issuer.counties && !issuer.counties.includes(countyCode)) throw new TokenRejected('issuer may not vouch for this county');

    const tenantId = countyCode
      ? await this.counties.tenantIdForCode(countyCode)
      : NATIONAL_ROLES.has(role)
        ? await this.counties.nationalTenantId()
        : null;
    if (countyCode && !tenantId) throw new TokenRejected('unknown county');
    return {
      id: `${claims.iss}#${claims.sub}`,
      subject: claims.sub,
      issuer: claims.iss as string,
      name: typeof claims.name === 'string' ? claims.name : null,
      email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
      role,
      countyCode,
      tenantId,
    };
  }
}
