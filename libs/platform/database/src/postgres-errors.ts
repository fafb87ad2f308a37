/** SQLSTATE codes the services translate into user-facing errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_INSUFFICIENT_PRIVILEGE = '42501';
export const PG_INVALID_TEXT_REPRESENTATION = '22P02';
/** Text PostgreSQL cannot store: a NUL byte (invalid byte sequence) or a character outside the encoding. */
export const PG_UNSTORABLE_TEXT = ['22021', '22P05'];

export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
