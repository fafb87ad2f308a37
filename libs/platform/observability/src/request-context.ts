import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const store = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being served, for log lines written anywhere below it. */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

/** A caller's own id is kept if it is a plain token; anything else is replaced, so logs stay parseable. */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,100}$/;

export interface IdentifiedRequest extends Request {
  id: string;
}

/** Takes X-Request-Id from the caller (an ingress sets one) or makes one, and echoes it in the response. */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (req as IdentifiedRequest).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

/**
 * Runs the rest of the request inside its id's async context. Mounted after body parsing: the body
 * parser's stream callbacks would otherwise leave the context behind.
 */
export function requestContext(req: Request, _res: Response, next: NextFunction): void {
  store.run({ requestId: (req as IdentifiedRequest).id }, next);
}
