import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Level, Logger } from 'pino';
import { currentRequestId } from './request-context';

/** LOG_LEVEL speaks Nest's names; `log` is pino's `info`. */
const PINO_LEVELS: Record<'error' | 'warn' | 'log' | 'debug', Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/**
 * One JSON line per event on stdout. Every line written while a request is being served carries its
 * request id. Credentials are censored wherever they would appear, as a second line of defence: the
 * request log itself never writes headers or bodies.
 */
export function createLogger(options: { level: keyof typeof PINO_LEVELS; service: string }, destination?: DestinationStream): Logger {
  return pino(
    {
      level: PINO_LEVELS[options.level],
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      messageKey: 'message',
      serializers: { err: errorOnly },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: {
        paths: ['authorization', 'cookie', 'token', 'password', '*.authorization', '*.cookie', '*.token', '*.password', 'headers.authorization', 'req.headers.authorization', 'req.headers.cookie'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * An error's type, code, message and stack, and nothing else: a driver error also holds the statement's
 * parameters and the row values of a violated constraint, which may be personal data.
 */
export function errorOnly(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { type: error.constructor.name, ...(typeof code === 'string' ? { code } : {}), message: error.message, stack: error.stack };
}

/** Nest's own logging (start-up, exceptions, `new Logger(…)` in services) written through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context (a logger's name) last and, for errors, a stack before it. */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const params = [...rest];
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const stack = level === 'error' && typeof params[0] === 'string' ? params[0] : undefined;
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (message && typeof message === 'object') this.logger[level]({ context, ...message });
    else this.logger[level]({ context, stack }, String(message));
  }
}
