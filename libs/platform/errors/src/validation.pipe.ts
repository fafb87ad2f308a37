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
    const unprintable = unprintableStrings(value, metadata.data ?? '');
    if (unprintable.length) {
      throw new InputError(unprintable.map((field) => ({ field, message: `${field.split('.').pop()} must not contain control characters or broken Unicode`, rule: 'isPrintable' })));
    }
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

/** C0 controls other than tab and line breaks, DEL, and UTF-16 halves without their other half. */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Paths of the strings no one types: they would be stored and shown to others (terminal escapes, NULs). */
export function unprintableStrings(value: unknown, path: string): string[] {
  if (typeof value === 'string') return UNPRINTABLE.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unprintableStrings(v, `${path}.${i}`));
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    return Object.entries(value as object).flatMap(([k, v]) => unprintableStrings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, message, rule }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
