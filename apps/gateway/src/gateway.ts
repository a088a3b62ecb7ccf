import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import { createErrorFormatter, startGraphQLHttpServer, type RequestContext, type RunningServer } from '@redress/graphql-kit';
import { createLogger, type Logger } from '@redress/logger';
import supergraphSdl from './supergraph.graphql';
import { createAuthenticator } from './auth/authenticate';
import { TenancyClient, TenantStatusCache } from './auth/tenancy-client';
import { ClientTokenIssuer, TokenVerifier } from './auth/token-verifier';
import type { GatewayConfig } from './gateway.config';
import { tokenEndpoint } from './oauth/token-endpoint';
import { queryLimitsPlugin } from './protection/query-limits';
import { ClientRateLimiter } from './protection/rate-limit';
import { SignedDataSource } from './signed-data-source';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
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
  const subgraphs = subgraphsOf(supergraphSdl);
  const tenancyUrl = config.subgraphUrls['tenancy'] ?? subgraphs.find((s) => s.name === 'tenancy')?.url;
  if (!tenancyUrl) throw new Error('The supergraph has no tenancy subgraph: the gateway cannot check tenants or client credentials');
  const tenancy = new TenancyClient(tenancyUrl, config.gatewaySecret);
  const verifier = new TokenVerifier({
    staffIssuer: config.authIssuer,
    staffKeys: config.authKeys,
    clientIssuer: config.clientTokenIssuer,
    clientKeys: config.clientTokenSigningKeys,
    audience: config.authAudience,
    clockToleranceSeconds: config.clockToleranceSeconds,
    maxLifetimeSeconds: config.maxTokenLifetimeSeconds,
    clientTokenTtlSeconds: config.clientTokenTtlSeconds,
  });
  const authenticate = createAuthenticator({
    verifier,
    tenants: new TenantStatusCache((id) => tenancy.tenantStatus(id), config.tenantStatusTtlMs),
    limiter: new ClientRateLimiter(config.rateLimitPoints, config.rateLimitWindowSeconds),
    requireRegisteredTenant: config.requireRegisteredTenant,
    logger,
  });
  const token = tokenEndpoint({
    tenancy,
    issuer: new ClientTokenIssuer(config.clientTokenSigningKeys[0]!, config.clientTokenIssuer, config.authAudience, config.clientTokenTtlSeconds),
    limiter: new ClientRateLimiter(config.tokenRateLimitPoints, 60),
    logger,
  });

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SignedDataSource(name, config.subgraphUrls[name] ?? url!, config.gatewaySecret),
  });
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: config.environment !== 'production',
    plugins: [queryLimitsPlugin({ maxDepth: config.maxQueryDepth, maxCost: config.maxQueryCost })],
    // main.ts stops the gateway on SIGTERM; Apollo's own handler would re-raise the signal first.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const http: RunningServer = await startGraphQLHttpServer<RequestContext>(
    {
      apollo,
      context: async ({ req }) => authenticate(req),
      logger,
      maxBodyBytes: config.maxBodyBytes,
      routes: [token],
      readiness: subgraphs.map(({ name, url }) => ({
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
