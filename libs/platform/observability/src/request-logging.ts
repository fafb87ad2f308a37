import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { IdentifiedRequest } from './request-context';

export interface RequestLoggingOptions {
  /** Who asked and what, known only once the request was served (user, role, county, operation). */
  describe: (req: Request) => Record<string, unknown>;
  /** Paths not worth a line each (probes, scrapes). */
  skip?: (path: string) => boolean;
}

/**
 * One line per request when its response is finished (or the client went away): method, path without
 * the query string, status, duration and what `describe` adds. Never headers, query strings or bodies.
 */
export function requestLogging(logger: Logger, options: RequestLoggingOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const path = pathOf(req.originalUrl ?? req.url);
    if (options.skip?.(path)) return next();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const line = {
        requestId: (req as IdentifiedRequest).id,
        method: req.method,
        path,
        status: res.writableFinished ? res.statusCode : 499,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        ...options.describe(req),
      };
      const level = line.status >= 500 ? 'error' : 'info';
      logger[level](line, `${req.method} ${path} ${line.status}`);
    };
    res.on('finish', finish);
    res.on('close', finish);
    next();
  };
}

export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
