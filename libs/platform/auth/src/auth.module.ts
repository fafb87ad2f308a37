import { DynamicModule, Module, Type } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { IssuerKeys } from './issuer-keys';
import { JwtStrategy } from './jwt.strategy';
import { PrincipalContext } from './principal-context';

/** Sign-in by bearer tokens from the configured identity providers. */
@Module({})
export class AuthModule {
  /** `countyLookupModule` exports the COUNTY_LOOKUP provider that maps county codes to tenant ids. */
  static register(countyLookupModule: Type): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [PassportModule, countyLookupModule],
      providers: [IssuerKeys, JwtStrategy, PrincipalContext],
      exports: [IssuerKeys, PrincipalContext],
    };
  }
}
