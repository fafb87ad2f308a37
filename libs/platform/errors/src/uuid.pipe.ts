import { ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from './app-errors';

/** An id argument that is not even a UUID names no record: NOT_FOUND, like an unknown or foreign id. */
export class UuidPipe extends ParseUUIDPipe {
  constructor(entity: string) {
    super({ exceptionFactory: () => new NotFoundError(entity) });
  }
}
