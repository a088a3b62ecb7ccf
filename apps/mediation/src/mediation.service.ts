import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { HARDSHIP_TYPES } from './hardship/hardship-type.catalog';
import { mediationMigrations } from './migrations';

export const MEDIATION_DEFAULT_PORT = 4003;

/** The mediation subgraph: platform wiring in place; cases, proposals and schedules are issue 7. */
export const mediationService: ServiceDefinition<RequestContext> = {
  name: 'mediation',
  schema: 'mediation',
  typeDefs,
  entities: [],
  migrations: mediationMigrations,
  resolvers: () => ({ Query: { hardshipTypes: () => HARDSHIP_TYPES } }),
  context: (_deps, base) => base,
};
