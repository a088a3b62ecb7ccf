import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Caller, RequestContext } from '@redress/graphql-kit';
import { signGatewayContext } from '@redress/graphql-kit';
import { createLogger } from '@redress/logger';
import { startService, type RunningService, type ServiceDefinition } from '@redress/service-kit';
import { provisionPlatformDatabase } from '../provision';
import { graphqlRequest, type GraphQLResponse } from './graphql-client';
import { TEST_DATA_KEYS, testInfrastructure, uniqueNamespace } from './environment';
import { PersonalDataCipher } from '@redress/personal-data';
import { deleteNamespace } from './platform-under-test';

/** The integration database; another checkout sharing the server sets REDRESS_IT_DATABASE. */
export const INTEGRATION_DATABASE = process.env['REDRESS_IT_DATABASE'] ?? 'redress_it';

/** One service in-process against the real PostgreSQL and Kafka, on a free port, with its own topics. */
export async function startServiceUnderTest<C extends RequestContext>(definition: ServiceDefinition<C>) {
  const infra = testInfrastructure();
  const urls = (await provisionPlatformDatabase(infra.adminUrl, INTEGRATION_DATABASE)).get(definition.name);
  if (!urls) throw new Error(`No database provisioning for ${definition.name}`);
  const gatewaySecret = randomBytes(32).toString('base64url');
  const namespace = uniqueNamespace('it');
  const running: RunningService = await startService(
    definition,
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: urls.databaseUrl,
      migrationsDatabaseUrl: urls.migrationsDatabaseUrl,
      dbPoolSize: 5,
      kafkaBrokers: infra.kafkaBrokers.split(','),
      eventsNamespace: namespace,
      gatewaySecret,
      personalData: PersonalDataCipher.fromConfig(TEST_DATA_KEYS),
    },
    createLogger(definition.name, process.env['LOG_LEVEL'] ?? 'warn'),
  );
  return {
    infra,
    running,
    gatewaySecret,
    databaseUrls: urls,
    /** Stops the service and deletes its test topics and consumer groups. */
    async stop() {
      await running.stop();
      await deleteNamespace(new Kafka({ clientId: `${namespace}-cleanup`, brokers: infra.kafkaBrokers.split(','), logLevel: logLevel.NOTHING }), namespace);
    },
    /** Calls the subgraph as the gateway would, with a signed caller context (a handler unless `caller` says otherwise). */
    asGateway<T = Record<string, unknown>>(
      tenantId: string,
      query: string,
      variables: Record<string, unknown> = {},
      caller: Partial<Omit<Caller, 'tenantId'>> = {},
    ): Promise<GraphQLResponse<T>> {
      const headers = signGatewayContext(gatewaySecret, {
        caller: { tenantId, actorId: 'integration-test', roles: ['handler'], borrowerId: null, ...caller },
        requestId: `it-${Date.now()}`,
      }, definition.name);
      return graphqlRequest<T>(running.url, query, variables, headers);
    },
  };
}
