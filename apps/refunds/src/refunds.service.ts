import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { FEE_TYPES } from './fee-type/fee-type.catalog';
import { refundsMigrations } from './migrations';

export const REFUNDS_DEFAULT_PORT = 4002;

/** The refunds subgraph: platform wiring in place; refund requests, review and payout are issue 5. */
export const refundsService: ServiceDefinition<RequestContext> = {
  name: 'refunds',
  schema: 'refunds',
  typeDefs,
  entities: [],
  migrations: refundsMigrations,
  resolvers: () => ({
      Query: {
        refundableFeeTypes: () => FEE_TYPES.map((f) => ({ code: f.code, nameZhCn: f.name['zh-CN'], nameEn: f.name.en })),
      },
    }),
  context: (_deps, base) => base,
};
