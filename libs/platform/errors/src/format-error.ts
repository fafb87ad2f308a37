import { HttpException, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './app-errors';

const logger = new Logger('GraphQL');

/** Codes that graphql-js and Apollo give to malformed requests; their messages are safe to show. */
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
};

/**
 * The one place that decides what a client sees of an error: a code and a message. Errors the code
 * raised on purpose pass through; anything else (driver errors, bugs) becomes an opaque internal error
 * and is logged with its stack, so SQL, table and constraint names never reach the client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapValidationError(unwrapResolverError(error));
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof GraphQLError && typeof original.extensions?.['code'] === 'string') {
    const { code, fields } = original.extensions as { code: string; fields?: unknown };
    if (Object.values(ErrorCode).includes(code as ErrorCode) || REQUEST_CODES.has(code)) {
      return { ...base, message: original.message, extensions: fields ? { code, fields } : { code } };
    }
  }
  if (original instanceof HttpException) {
    const code = HTTP_CODES[original.getStatus()];
    if (code) return { ...base, message: httpMessage(original), extensions: { code } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && REQUEST_CODES.has(code) && !(original instanceof Error && original.constructor !== GraphQLError)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * Apollo wraps what a validation rule reports as GRAPHQL_VALIDATION_FAILED; a rule that reports an
 * AppError (the query limits do) keeps its own code.
 */
function unwrapValidationError(error: unknown): unknown {
  if (error instanceof GraphQLError && error.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED' && error.originalError instanceof AppError) return error.originalError;
  return error;
}

/**
 * graphql-js suggests names close to a misspelt one ("Did you mean …?"): in production that leaks the
 * schema that introspection hides, so the suggestion is cut from every message.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/\s*Did you mean [^?]*\?/g, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

function httpMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
}
