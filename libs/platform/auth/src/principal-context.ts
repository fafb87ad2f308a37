import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Principal } from './principal';

const PRINCIPAL = 'lahde.principal';

/** The verified caller of the current request, for services that check ownership of a record. */
@Injectable()
export class PrincipalContext {
  constructor(private readonly cls: ClsService) {}

  set(principal: Principal): void {
    this.cls.set(PRINCIPAL, principal);
  }

  get current(): Principal {
    const principal = this.cls.isActive() ? this.cls.get<Principal | undefined>(PRINCIPAL) : undefined;
    if (!principal) throw new Error('No signed-in caller in context');
    return principal;
  }
}
