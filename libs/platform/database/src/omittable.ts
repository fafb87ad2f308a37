import { ValidateIf } from 'class-validator';

/**
 * An input field that may be left out but not cleared, because it maps to a NOT NULL column: unlike
 * `@IsOptional()`, an explicit null is validated (and refused, naming the field) instead of reaching the
 * database as a constraint violation.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
