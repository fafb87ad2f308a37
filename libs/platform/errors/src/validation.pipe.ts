import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, InputError } from './app-errors';

/**
 * Validates GraphQL inputs with class-validator. Strings are NFC-normalised and trimmed first, so that
 * "Mäntsälä" typed on a Mac and on Windows is the same name. Errors name each field by its path.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new InputError(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(normaliseStrings(value), metadata);
    } catch (error) {
      // Name fields by their full argument path (`input.name`), as the client wrote them.
      const fields = error instanceof InputError ? (error.extensions['fields'] as FieldProblem[]) : undefined;
      if (fields && metadata.data) throw new InputError(fields.map((f) => ({ ...f, field: `${metadata.data}.${f.field}` })));
      throw error;
    }
  }
}

export function normaliseStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (Array.isArray(value)) return value.map(normaliseStrings);
  // graphql-js builds input objects with a null prototype.
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, normaliseStrings(v)]));
  }
  return value;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
