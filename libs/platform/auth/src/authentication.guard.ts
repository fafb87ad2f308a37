import { ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { NotAuthenticatedError } from '@lahde/platform/errors';
import { TenantContext } from '@lahde/platform/tenancy';
import { Principal } from './principal';
import { PrincipalContext } from './principal-context';

export const IS_PUBLIC = 'lahde.public';
/** Marks a route that needs no token (health checks). Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export function requestOf(context: ExecutionContext): { user?: Principal; headers: Record<string, unknown> } {
  return context.getType<GqlContextType>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext().req
    : context.switchToHttp().getRequest();
}

/**
 * Authenticates every GraphQL operation and HTTP route with the bearer token, then puts the caller's
 * county into the tenant context: the only place a tenant ever enters it for a request.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AuthenticationGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tenant: TenantContext,
    private readonly principals: PrincipalContext,
  ) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = requestOf(context);
    // Field resolvers run after their operation was authenticated: reuse the verified caller.
    if (!request.user) await super.canActivate(context);
    const principal = request.user as Principal;
    this.tenant.enter(principal.tenantId, principal.id, principal.role);
    this.principals.set(principal);
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err || !user) {
      const reason = err instanceof Error ? err.message : info instanceof Error ? info.message : 'no token';
      this.logger.debug(`token refused: ${reason}`);
      throw new NotAuthenticatedError(reason.includes('expired') ? 'Token expired: sign in again' : undefined);
    }
    return user;
  }
}
