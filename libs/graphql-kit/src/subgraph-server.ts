import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError } from 'graphql';
import gql from 'graphql-tag';
import type { Logger } from '@redress/logger';
import { createErrorFormatter } from './errors';
import { verifyGatewayContext, type RequestContext } from './request-context';

export interface SubgraphServerOptions<C> {
  typeDefs: string;
  resolvers: GraphQLResolverMap<C>;
  logger: Logger;
}

export function createSubgraphApollo<C extends RequestContext>(options: SubgraphServerOptions<C>): ApolloServer<C> {
  return new ApolloServer<C>({
    schema: buildSubgraphSchema({
      typeDefs: gql(options.typeDefs),
      // buildSubgraphSchema types resolvers for an unknown context; ours is C, which the server guarantees.
      resolvers: options.resolvers as GraphQLResolverMap<unknown>,
    }),
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    // Only the gateway reaches a subgraph, and it needs `_service` (not introspection) to work.
    introspection: false,
    // No Apollo Studio: traces would only cost time on every request.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    // The service stops itself in order (HTTP, consumer, relay, pool); Apollo's own SIGTERM handler
    // would kill the process before the consumer leaves its group.
    stopOnTerminationSignals: false,
  });
}

/**
 * Context function of every subgraph: refuses any request that does not carry the gateway's
 * signed proof, then lets the service add what it needs (data loaders, the tenant-bound data access).
 */
export function gatewayProofContext<C extends RequestContext>(
  secret: string,
  audience: string,
  logger: Logger,
  build: (base: RequestContext) => C,
): (args: { req: IncomingMessage }) => Promise<C> {
  return async ({ req }) => {
    const result = verifyGatewayContext(secret, { get: (name) => req.headers[name] as string | undefined }, audience);
    if (!result.ok) {
      logger.warn({ reason: result.reason, remote: req.socket.remoteAddress }, 'refused a request without a valid gateway proof');
      throw new GraphQLError('This service only answers requests that come through the Redress gateway.', {
        extensions: { code: 'UNAUTHENTICATED', reason: result.reason, http: { status: 401 } },
      });
    }
    return build(result.context);
  };
}
