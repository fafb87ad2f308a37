import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, GraphQLFormattedError, ValidationContext, ValidationRule } from 'graphql';
import { ErrorCode, formatGraphQLError, QueryTooComplexError, withoutSuggestions } from '@lahde/platform/errors';

/**
 * What one GraphQL request may ask. The deepest query in the guide and the tests is 5 levels, the
 * costliest about 3,000 (graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, × a literal
 * `first`/`last`); a full 200-row page of a wide list with nested lists costs about 15,000.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  maxCost: 20_000,
  maxAliases: 15,
  maxDirectives: 10,
  /** Lexical tokens of the document; the longest documented query has about 110. */
  maxTokens: 2_000,
} as const;

// graphql-armor prefixes its messages with "Syntax Error: "; they are limits, not syntax errors.
const reject = (context: ValidationContext | null, error: GraphQLError) => context?.reportError(new QueryTooComplexError(error.message.replace(/^Syntax Error: /, '')));
const rejection = { propagateOnRejection: false, onReject: [reject] };

/** Apollo options for the limits: validation rules, the parser's token cap and, in production, no suggestions. */
export function graphQLLimits(production: boolean): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
} {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, flattenFragments: true, ...rejection },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ...rejection },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...rejection },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...rejection },
    // Armor's token plugin answers HTTP 500 under Apollo; graphql-js counts tokens itself (parseOptions).
    maxTokens: { enabled: false },
    // Suggestions are cut in formatError below, which also covers enum values and types.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    formatError: (formatted, error) => {
      const result = tokenLimit(formatGraphQLError(formatted, error));
      return production ? withoutSuggestions(result) : result;
    },
  };
}

/** graphql-js aborts parsing past `maxTokens` with a syntax error; the client sees it as the limit it is. */
function tokenLimit(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.['code'] !== 'GRAPHQL_PARSE_FAILED' || !/contains more th\w+ \d+ tokens/.test(formatted.message)) return formatted;
  return { message: `Token limit of ${GRAPHQL_LIMITS.maxTokens} exceeded: send a shorter query.`, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
}
