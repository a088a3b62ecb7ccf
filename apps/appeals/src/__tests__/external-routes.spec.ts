import { graphql } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import gql from 'graphql-tag';
import typeDefs from '../schema.graphql';
import { appealsService } from '../appeals.service';

describe('externalRoutes', () => {
  it('names the regulator hotline, the consumer association, arbitration and court', async () => {
    const schema = buildSubgraphSchema({ typeDefs: gql(typeDefs), resolvers: appealsService.resolvers({} as never) as GraphQLResolverMap<unknown> });
    const result = await graphql({ schema, source: '{ externalRoutes { code contact } }' });
    expect(result.errors).toBeUndefined();
    const routes = (result.data as { externalRoutes: { code: string; contact: string }[] }).externalRoutes;
    expect(routes.map((r) => r.code)).toEqual(['REGULATOR', 'CONSUMER_ASSOCIATION', 'ARBITRATION', 'COURT']);
    expect(routes[0]!.contact).toContain('12378');
  });
});
