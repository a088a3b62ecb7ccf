import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { EXTERNAL_ROUTES } from './external-route/external-route.catalog';
import { appealsMigrations } from './migrations';

export const APPEALS_DEFAULT_PORT = 4004;

/** The appeals subgraph: platform wiring in place; appeals, review and escalation records are issue 8. */
export const appealsService: ServiceDefinition<RequestContext> = {
  name: 'appeals',
  schema: 'appeals',
  typeDefs,
  entities: [],
  migrations: appealsMigrations,
  resolvers: () => ({ Query: { externalRoutes: () => EXTERNAL_ROUTES } }),
  context: (_deps, base) => base,
};
