import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Principal, requestOf } from '@lahde/platform/auth';
import { RateLimitedError } from '@lahde/platform/errors';
import { RateLimits } from './rate-limits';

/**
 * The per-user limit, keyed by the verified caller (issuer and subject), so nobody can spend another
 * user's allowance with a forged token. Runs after authentication; a request counts once, however many
 * fields and field resolvers it has.
 */
@Injectable()
export class UserRateLimitGuard implements CanActivate {
  private readonly decisions = new WeakMap<object, Promise<number | null>>();

  constructor(private readonly limits: RateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const principal = request.user as Principal | undefined;
    if (!principal) return true; // public routes
    let decision = this.decisions.get(request);
    if (!decision) {
      decision = this.limits.consume('user', principal.id);
      this.decisions.set(request, decision);
    }
    const retryAfter = await decision;
    if (retryAfter !== null) throw new RateLimitedError(retryAfter);
    return true;
  }
}
