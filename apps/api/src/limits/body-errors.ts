import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@lahde/platform/errors';

/** The largest JSON body the API reads; a page of input is a few kilobytes. */
export const BODY_LIMIT = '1mb';

/**
 * Errors of the body parser (too large, not JSON, wrong charset) as a GraphQL-shaped JSON answer with
 * a code; without this, Express answers with an HTML page holding the stack outside production.
 */
export function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = error as { type?: unknown; status?: unknown };
  if (typeof e?.type !== 'string' || typeof e.status !== 'number' || e.status >= 500 || res.headersSent) return next(error);
  const [code, message] =
    e.type === 'entity.too.large'
      ? [ErrorCode.PAYLOAD_TOO_LARGE, `Request body is larger than ${BODY_LIMIT}`]
      : e.type === 'entity.parse.failed'
        ? [ErrorCode.BAD_USER_INPUT, 'Request body is not valid JSON']
        : [ErrorCode.BAD_USER_INPUT, 'Request body cannot be read'];
  res.status(e.status).json({ errors: [{ message, extensions: { code } }] });
}
