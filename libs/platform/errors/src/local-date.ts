import { registerDecorator, ValidationOptions } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: property as string,
      options: { message: `${String(property)} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isLocalDate(value) },
    });
}

export function IsLocalTime(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isLocalTime',
      target: target.constructor,
      propertyName: property as string,
      options: { message: `${String(property)} must be a time written HH:MM`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && TIME.test(value) },
    });
}

/** Today in Finland, as the date of record for completions. */
export function helsinkiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(now);
}

/** The same calendar day `years` later (29 February becomes 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y + years, m - 1, d));
  if (shifted.getUTCDate() !== d) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}
