import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ErrorCode, RateLimitedError } from './app-errors';

const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.RATE_LIMITED]: 429,
};

/**
 * Errors raised on purpose are answers, not incidents: they go to the client as they are (GraphQL) or
 * as a status with code and message (plain HTTP), without Nest logging them as unhandled exceptions.
 */
@Catch(AppError)
export class AppErrorFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return error;
    const code = String(error.extensions['code']);
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof RateLimitedError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.status(HTTP_STATUS[code] ?? 500).json({ code, message: error.message });
    return undefined;
  }
}
