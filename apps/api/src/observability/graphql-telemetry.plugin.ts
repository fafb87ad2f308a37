import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Telemetry } from '@lahde/platform/observability';

/** What the request log line and the metrics learn of a GraphQL request. */
export interface GraphQLRequestInfo {
  operation: string | null;
  type: string;
}

export interface RequestWithGraphQL {
  graphql?: GraphQLRequestInfo;
}

/** Counts every operation by name, type and outcome (ok or the first error code) and tells the request log. */
@Plugin()
export class GraphQLTelemetryPlugin implements ApolloServerPlugin<{ req: RequestWithGraphQL }> {
  constructor(private readonly telemetry: Telemetry) {}

  async requestDidStart(): Promise<GraphQLRequestListener<{ req: RequestWithGraphQL }>> {
    const telemetry = this.telemetry;
    return {
      async willSendResponse({ contextValue, operationName, operation, request, response }) {
        const name = operationName ?? request.operationName ?? null;
        const type = operation?.operation ?? 'unknown';
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const code = errors?.[0]?.extensions?.['code'];
        telemetry.countOperation(name, type, errors?.length ? (typeof code === 'string' ? code : 'ERROR') : 'ok');
        contextValue.req.graphql = { operation: name, type };
      },
    };
  }
}
