import { GraphQLError } from 'graphql';

/** Every code a client may see in `errors[].extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  /** Too many requests from one user or address; HTTP 429 with Retry-After. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The query is deeper, costlier or longer than the API serves (see docs/api-guide.md, Limits). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The request body is larger than the API accepts. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** Path of the offending input field, e.g. `input.name`. */
  field: string;
  message: string;
  /**
   * The rule that failed, when it is a general one (`isEmail`, `maxLength`, `isLocalDate`, …): clients
   * show the problem in their user's language by it, and fall back to `message`.
   */
  rule?: string;
}

/** An error meant for the client: its message and code are shown as they are. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class NotAuthenticatedError extends AppError {
  constructor(message = 'Authentication required: send a valid bearer token') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this operation') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** Used both for records that do not exist and for records that are not the caller's: the two look alike. */
export class NotFoundError extends AppError {
  constructor(entity: string) {
    super(ErrorCode.NOT_FOUND, `${entity} not found`);
  }
}

export class InputError extends AppError {
  constructor(fields: FieldProblem[]) {
    super(ErrorCode.BAD_USER_INPUT, `Invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, { fields });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super(ErrorCode.CONFLICT, message, field ? { fields: [{ field, message }] } : {});
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many requests: try again in ${retryAfterSeconds} s`);
  }
}

/** Refused before anything runs; HTTP 400 (the `http` extension never reaches the client). */
export class QueryTooComplexError extends AppError {
  constructor(message: string) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message, { http: { status: 400 } });
  }
}
