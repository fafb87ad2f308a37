import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { Public } from '@lahde/platform/auth';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { Telemetry } from '@lahde/platform/observability';

/** Prometheus scrape endpoint; when METRICS_TOKEN is set, only a scraper sending it as bearer token gets in. */
@Controller('metrics')
@Public()
export class PrometheusController {
  constructor(
    private readonly telemetry: Telemetry,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (this.config.metricsToken && !sameSecret(req.headers.authorization, `Bearer ${this.config.metricsToken}`)) {
      res.status(401).setHeader('WWW-Authenticate', 'Bearer').json({ code: 'UNAUTHENTICATED', message: 'Send the metrics token as a bearer token' });
      return;
    }
    res.setHeader('Content-Type', this.telemetry.registry.contentType);
    res.send(await this.telemetry.registry.metrics());
  }
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
