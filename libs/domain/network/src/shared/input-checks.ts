import { addYears, FieldProblem, helsinkiToday, InputError } from '@lahde/platform/errors';

/** One rule applied to one input field: a problem, or null when the input passes. */
export type Check = FieldProblem | null;

/** Refuses the input with every problem found at once, so the client can fix them together. */
export function refuseProblems(...checks: Check[]): void {
  const problems = checks.filter((c): c is FieldProblem => c !== null);
  if (problems.length > 0) throw new InputError(problems);
}

export function check(failed: boolean, field: string, message: string): Check {
  return failed ? { field, message } : null;
}

/** What happened cannot have happened after today (Finnish time). */
export function notInFuture(date: string | undefined, field: string): Check {
  return check(date !== undefined && date > helsinkiToday(), field, 'must not be in the future');
}

/** Planned changes may be recorded up to one year ahead, no further. */
export function withinAYear(date: string, field: string): Check {
  const limit = addYears(helsinkiToday(), 1);
  return check(date > limit, field, `must be on or before ${limit} (at most a year ahead)`);
}

/** A `from`–`to` filter must not be reversed. */
export function ordered(from: string | undefined, to: string | undefined, field = 'to'): Check {
  return check(Boolean(from && to && to < from), field, 'must be on or after from');
}
