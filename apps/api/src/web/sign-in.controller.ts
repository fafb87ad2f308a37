import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { countyMismatch, DevIssuer, Public, Role } from '@lahde/platform/auth';
import { AppConfig, CONFIG, OidcConfig } from '@lahde/platform/config';
import { CountyService } from '@lahde/domain/directory';
import { InputError, NotFoundError } from '@lahde/platform/errors';

/** What the web app needs to know before anyone has signed in. */
export interface SignInOptions {
  /** The local picker of role and county (development issuer) is on. */
  devSignIn: boolean;
  /** The counties to pick from in the local picker (empty when it is off). */
  devCounties: Array<{ code: string; nameFi: string; nameSv: string; nameEn: string }>;
  oidc: OidcConfig | null;
}

export class DevTokenRequest {
  @IsIn(Object.values(Role))
  role: Role;

  @IsOptional()
  @Matches(/^[0-9]{2}$/, { message: 'county must be a two-digit county code, e.g. 10' })
  county?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

/**
 * Sign-in for the web app: its options, and outside production the development issuer's tokens for the
 * local picker (the same tokens `npm run token` prints). Both are public: they hold no personal data.
 */
@Controller('auth')
@Public()
export class SignInController {
  private issuer: Promise<DevIssuer> | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly counties: CountyService,
  ) {}

  @Get('config')
  async options(): Promise<SignInOptions> {
    const devCounties = this.config.auth.devIssuer ? (await this.counties.counties(null)).map(({ code, nameFi, nameSv, nameEn }) => ({ code, nameFi, nameSv, nameEn })) : [];
    return { devSignIn: this.config.auth.devIssuer, devCounties, oidc: this.config.web.oidc };
  }

  @Post('dev-token')
  @HttpCode(200)
  async devToken(@Body() request: DevTokenRequest): Promise<{ token: string }> {
    // Configuration refuses the development issuer in production; without it this route does not exist.
    if (!this.config.auth.devIssuer) throw new NotFoundError('Route');
    // The same rule the API applies to every token: refused here, with the field named, not at first use.
    const mismatch = countyMismatch(request.role, !!request.county);
    if (mismatch) throw new InputError([{ field: 'county', message: `${request.role}: ${mismatch}` }]);
    this.issuer ??= DevIssuer.loadOrCreate(this.config.dataDir);
    const token = await (await this.issuer).sign({
      role: request.role,
      county: request.county ?? null,
      email: request.email,
      name: request.name,
      subject: request.email ?? undefined,
      audience: this.config.auth.audience,
    });
    return { token };
  }
}
