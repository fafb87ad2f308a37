import { ValidateIf } from 'class-validator';

/**
 * An update field that may be left out but not cleared: unlike `@IsOptional()`, an explicit null is
 * validated (and refused) instead of reaching a NOT NULL column.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
