import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from './authentication.guard';
import { Principal } from './principal';

/** The verified caller of the current operation. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return requestOf(context).user as Principal;
});
