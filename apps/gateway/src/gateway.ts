import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { createErrorFormatter, startGraphQLHttpServer, type RequestContext, type RunningServer } from '@redress/graphql-kit';
import { createLogger, type Logger } from '@redress/logger';
import supergraphSdl from './supergraph.graphql';
import { readDevToken } from './auth/dev-token';
import type { GatewayConfig } from './gateway.config';
import { SignedDataSource } from './signed-data-source';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

function authenticate(config: GatewayConfig, req: IncomingMessage): RequestContext {
  const requestIdHeader = req.headers['x-request-id'];
  const requestId = typeof requestIdHeader === 'string' && REQUEST_ID.test(requestIdHeader) ? requestIdHeader : randomUUID();
  const result = config.allowDevTokens ? readDevToken(req.headers.authorization) : { ok: false as const, reason: 'Sign-in is not configured.' };
  if (!result.ok) {
    throw new GraphQLError(result.reason, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
  return { caller: result.caller, requestId };
}

/** The subgraphs named in the supergraph, with their default URLs. */
export function subgraphsOf(sdl: string): { name: string; url: string }[] {
  return [...sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map((m) => ({ name: m[1]!, url: m[2]! }));
}

async function checkLive(graphqlUrl: string): Promise<void> {
  const response = await fetch(new URL('/health/live', graphqlUrl), { signal: AbortSignal.timeout(2_000) });
  if (!response.ok) throw new Error(`answered ${response.status}`);
}

/** The one graph every client sees: the supergraph composed at build time, served by @apollo/gateway. */
export async function startGateway(config: GatewayConfig, logger: Logger = createLogger('gateway')): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SignedDataSource(name, config.subgraphUrls[name] ?? url!, config.gatewaySecret),
  });
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: config.environment !== 'production',
    // main.ts stops the gateway on SIGTERM; Apollo's own handler would re-raise the signal first.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const http: RunningServer = await startGraphQLHttpServer<RequestContext>(
    {
      apollo,
      context: async ({ req }) => authenticate(config, req),
      logger,
      maxBodyBytes: config.maxBodyBytes,
      readiness: subgraphsOf(supergraphSdl).map(({ name, url }) => ({
        name,
        check: () => checkLive(config.subgraphUrls[name] ?? url),
      })),
    },
    config.port,
    config.host,
  );
  logger.info({ url: http.url }, 'gateway ready');
  return {
    url: http.url,
    port: http.port,
    async stop() {
      await http.close();
      await apollo.stop();
    },
  };
}
