import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { RateLimitedError } from '@lahde/platform/errors';
import { pathOf, Telemetry } from '@lahde/platform/observability';

export type LimitKind = 'user' | 'ip';

/** Probes and scrapes are never throttled: an orchestrator must always learn whether the process is well. */
export const UNLIMITED_PATHS: readonly string[] = ['/health', '/health/live', '/metrics'];

/**
 * Requests per window (a minute by default) per signed-in user and per client address, counted in Redis so that every API
 * instance shares one count. When Redis does not answer, each instance counts in its own memory
 * instead (the insurance limiter) and keeps serving.
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis | null;
  private readonly limiters: Partial<Record<LimitKind, RateLimiterRedis>> = {};

  constructor(
    @Inject(CONFIG) config: AppConfig,
    private readonly telemetry: Telemetry,
  ) {
    const points = { user: config.rateLimits.perUser, ip: config.rateLimits.perIp };
    const duration = config.rateLimits.windowSeconds;
    if (!points.user && !points.ip) {
      this.redis = null;
      return;
    }
    // No offline queue: while Redis is away a count fails at once and the insurance limiter answers.
    this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    let down = false;
    this.redis.on('error', () => undefined); // every failed reconnect; 'close' below tells it once
    this.redis.on('close', () => {
      if (!down) this.logger.warn('Redis connection lost: counting requests in each instance\'s memory until it is back');
      down = true;
    });
    this.redis.on('ready', () => {
      if (down) this.logger.log('Redis back: counting requests in Redis again');
      down = false;
    });
    for (const kind of ['user', 'ip'] as const) {
      if (!points[kind]) continue;
      this.limiters[kind] = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.queuePrefix}:rate:${kind}`,
        points: points[kind],
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `rate:${kind}`, points: points[kind], duration }),
      });
    }
  }

  /** Counts one request; answers the seconds to wait when the limit is spent, else null. */
  async consume(kind: LimitKind, key: string): Promise<number | null> {
    const limiter = this.limiters[kind];
    if (!limiter) return null;
    try {
      await limiter.consume(key);
      return null;
    } catch (refusal) {
      // With an insurance limiter, a rejection is always a spent limit, never a store error.
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      this.telemetry.rateLimited.inc({ limit: kind });
      return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    }
  }

  /** Express middleware for the per-address limit: before body parsing and authentication, so floods cost little. */
  perAddress() {
    const exempt = new Set(UNLIMITED_PATHS);
    return (req: Request, res: Response, next: NextFunction): void => {
      if (!this.limiters.ip || exempt.has(pathOf(req.originalUrl ?? req.url))) return next();
      this.consume('ip', req.ip ?? req.socket.remoteAddress ?? 'unknown').then(
        (retryAfter) => (retryAfter === null ? next() : sendRateLimited(res, new RateLimitedError(retryAfter))),
        next,
      );
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }
}

/** HTTP 429 with Retry-After and a body shaped like a GraphQL error, whatever the path. */
export function sendRateLimited(res: Response, error: RateLimitedError): void {
  res
    .status(429)
    .setHeader('Retry-After', String(error.retryAfterSeconds))
    .json({ errors: [{ message: error.message, extensions: { code: error.extensions['code'] } }] });
}
