import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '@lahde/platform/config';

/**
 * Serves the built web app from the same origin as the API, so the browser needs no CORS and the
 * bearer token never leaves the origin. Nothing is served when the app has not been built.
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  if (!existsSync(path.join(config.web.dir, 'index.html'))) return;
  // On every answer of this origin, not only the pages: a JSON answer opened as a page is kept as inert.
  app.use(securityHeaders(config));
  app.useStaticAssets(config.web.dir, {
    index: 'index.html',
    // Hashed asset names never change content; the page itself is always revalidated.
    setHeaders: (res, file) => res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
}

/** The page runs only its own code and talks only to its origin and the configured sign-in provider. */
function securityHeaders(config: AppConfig) {
  const connect = ["'self'", ...(config.web.oidc ? [new URL(config.web.oidc.tokenUrl).origin] : [])].join(' ');
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('content-security-policy', policy);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  };
}
