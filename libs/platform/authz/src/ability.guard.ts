import { CanActivate, ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@lahde/platform/errors';
import { IS_PUBLIC, Principal, requestOf } from '@lahde/platform/auth';
import { abilityFor, Action, Subject } from './abilities';

const REQUIRED = 'lahde.ability';

/** Declares what a resolver (or field resolver) needs: `@Can('read', 'Organisation')`. */
export const Can = (action: Action, subject: Subject) => SetMetadata(REQUIRED, { action, subject });

/**
 * Checks the caller's CASL ability against the handler's `@Can`. A handler without `@Can` is refused:
 * forgetting to declare a permission must close the door, not open it.
 */
@Injectable()
export class AbilityGuard implements CanActivate {
  private readonly logger = new Logger(AbilityGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const required = this.reflector.getAllAndOverride<{ action: Action; subject: Subject }>(REQUIRED, targets);
    if (!required) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no @Can: refused`);
      throw new ForbiddenError();
    }
    const principal = requestOf(context).user as Principal;
    if (!abilityFor(principal).can(required.action, required.subject)) throw new ForbiddenError();
    return true;
  }
}
