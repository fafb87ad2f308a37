import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { pathOf } from './request-logging';

/** Bounded label values: clients choose operation names and paths, the metrics must not grow with them. */
const MAX_OPERATION_NAMES = 200;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** A pg pool as TypeORM's postgres driver holds it. */
export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** What a bull queue tells of its jobs. */
export interface QueueLike {
  name: string;
  getJobCounts(): Promise<{ waiting: number; active: number; delayed: number; failed: number }>;
}

/**
 * The Prometheus metrics of one process, in a registry of its own (tests build several apps in one
 * process; the global registry would refuse the second).
 */
export class Telemetry {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly httpDuration = new Histogram({
    name: 'lahde_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'lahde_graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome (ok or the first error code)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'lahde_rate_limited_total',
    help: 'Requests refused with HTTP 429, by limit (user or ip)',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Times every request; the route is a known path or a matched route pattern, else `other`. */
  httpMiddleware(knownPaths: readonly string[]) {
    const known = new Set(knownPaths);
    return (req: Request, res: Response, next: NextFunction): void => {
      const stop = this.httpDuration.startTimer({ method: req.method });
      res.on('finish', () => {
        const path = pathOf(req.originalUrl ?? req.url);
        const route = known.has(path) ? path : req.route?.path ? `${req.baseUrl}${req.route.path}` : 'other';
        stop({ route, status: String(res.statusCode) });
      });
      next();
    };
  }

  countOperation(name: string | null | undefined, type: string, outcome: string): void {
    this.graphqlOperations.inc({ operation: this.operationLabel(name), type, outcome });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'other';
    if (!this.operationNames.has(name)) {
      if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
      this.operationNames.add(name);
    }
    return name;
  }

  /** Connections of the database pool, read at each scrape. */
  watchPool(pool: () => PoolStats | undefined): void {
    new Gauge({
      name: 'lahde_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting clients)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const stats = pool();
        if (!stats) return;
        this.set({ state: 'total' }, stats.totalCount);
        this.set({ state: 'idle' }, stats.idleCount);
        this.set({ state: 'waiting' }, stats.waitingCount);
      },
    });
  }

  /** Jobs per queue and state, read from Redis at each scrape; a queue that does not answer in time is left out. */
  watchQueues(queues: QueueLike[], timeoutMs = 1000): void {
    new Gauge({
      name: 'lahde_queue_jobs',
      help: 'Bull jobs by queue and state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.map(async (queue) => {
            const counts = await withTimeout(queue.getJobCounts(), timeoutMs).catch(() => undefined);
            if (!counts) return;
            for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) this.set({ queue: queue.name, state }, counts[state]);
          }),
        );
      },
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
