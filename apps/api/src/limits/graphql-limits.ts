import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  ArgumentNode,
  DocumentNode,
  FieldNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  Kind,
  TypeInfo,
  validate,
  ValidationContext,
  ValidationRule,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { ErrorCode, formatGraphQLError, QueryTooComplexError, withoutSuggestions } from '@lahde/platform/errors';
import { MAX_PAGE_SIZE } from '@lahde/platform/pagination';

/**
 * What one GraphQL request may ask. The deepest query in the guide and the tests is 5 levels, the
 * costliest about 3,000 (graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, × the page size);
 * a full 200-row page of a wide list with nested lists costs about 15,000.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  maxCost: 20_000,
  maxAliases: 15,
  maxDirectives: 10,
  /** Lexical tokens of the document; the longest documented query has about 110. */
  maxTokens: 2_000,
} as const;

/**
 * Arguments that size a page, which graphql-armor's cost multiplies by, with the largest page any list
 * serves (`first` ≤ 200, `auditLog(last:)` ≤ 1000): a larger size is refused by the list itself,
 * naming the argument, rather than as a costly query.
 */
const PAGE_ARGUMENTS = new Map([
  ['first', MAX_PAGE_SIZE],
  ['last', 1000],
]);

// graphql-armor prefixes its messages with "Syntax Error: "; they are limits, not syntax errors.
const reject = (context: ValidationContext | null, error: GraphQLError) => context?.reportError(new QueryTooComplexError(error.message.replace(/^Syntax Error: /, '')));
const rejection = { propagateOnRejection: false, onReject: [reject] };
const OFF = { enabled: false };

function armorRules(config: ConstructorParameters<typeof ApolloArmor>[0]): ValidationRule[] {
  // Armor's token plugin answers HTTP 500 under Apollo (graphql-js counts tokens itself, parseOptions);
  // suggestions are cut in formatError, which also covers enum values and types.
  return new ApolloArmor({ maxTokens: OFF, blockFieldSuggestion: OFF, maxDepth: OFF, maxAliases: OFF, maxDirectives: OFF, costLimit: OFF, ...config }).protect().validationRules;
}

const shapeRules = armorRules({
  maxDepth: { n: GRAPHQL_LIMITS.maxDepth, flattenFragments: true, ...rejection },
  maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...rejection },
  maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...rejection },
});
const costRules = armorRules({ costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, flattenFragments: true, ...rejection } });

/**
 * The cost of an operation once its page sizes are known. graphql-armor multiplies by a literal
 * `first:`/`last:` only; a page size given as a variable, or left to the argument's default, would
 * count as one row. So the cost is checked after validation, with every page size written out.
 */
export function costErrors(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): readonly GraphQLError[] {
  return validate(schema, withPageSizes(schema, document, variables), costRules);
}

/** The document with every `first`/`last` as an integer literal: from the variables, their defaults or the schema's default. */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  const values: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of definition.variableDefinitions ?? []) if (v.defaultValue) values[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  }
  Object.assign(values, variables);
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const pageArguments = typeInfo.getFieldDef()?.args.filter((a) => PAGE_ARGUMENTS.has(a.name)) ?? [];
        if (pageArguments.length === 0) return undefined;
        const others = (node.arguments ?? []).filter((a) => !PAGE_ARGUMENTS.has(a.name.value));
        const sized = pageArguments.flatMap((definition): ArgumentNode[] => {
          const given = node.arguments?.find((a) => a.name.value === definition.name)?.value;
          const size = given === undefined ? definition.defaultValue : given.kind === Kind.VARIABLE ? (values[given.name.value] ?? definition.defaultValue) : valueFromASTUntyped(given);
          if (!Number.isInteger(size)) return [];
          const counted = Math.min(size as number, PAGE_ARGUMENTS.get(definition.name)!);
          return [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: definition.name }, value: { kind: Kind.INT, value: String(counted) } }];
        });
        return { ...node, arguments: [...others, ...sized] };
      },
    }),
  );
}

/** Refuses an operation whose cost, page sizes known, is over the limit: HTTP 400, QUERY_TOO_COMPLEX. */
const costPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request }) {
        const [error] = costErrors(schema, document, request.variables ?? {});
        if (error) throw new QueryTooComplexError(error.message);
      },
    };
  },
};

/** Apollo options for the limits: validation rules, the cost check, the parser's token cap and, in production, no suggestions. */
export function graphQLLimits(production: boolean): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: { maxTokens: number };
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
} {
  return {
    validationRules: shapeRules,
    plugins: [costPlugin],
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
