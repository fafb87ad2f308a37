import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { RateLimitedError } from '@lahde/platform/errors';

/**
 * A GraphQL operation refused by the per-user limit answers like the per-address limit does: HTTP 429,
 * Retry-After and only `errors`. Listed before Nest's own plugin, which resets the status of answers
 * that carry `data`.
 */
export const rateLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ errors, response }) {
        const refusal = errors?.map((e) => unwrapResolverError(e)).find((e): e is RateLimitedError => e instanceof RateLimitedError);
        if (!refusal || response.body.kind !== 'single') return;
        const { errors: formatted } = response.body.singleResult;
        // The operation as a whole was refused, not a field of it: one error, no path.
        const first = formatted?.find((e) => e.extensions?.['code'] === refusal.extensions['code']);
        response.body.singleResult = { errors: [{ message: first?.message ?? refusal.message, extensions: { code: refusal.extensions['code'] } }] };
        response.http.status = 429;
        response.http.headers.set('retry-after', String(refusal.retryAfterSeconds));
      },
    };
  },
};
