import { graphql } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import gql from 'graphql-tag';
import typeDefs from '../schema.graphql';
import { mediationService } from '../mediation.service';

describe('hardshipTypes', () => {
  it('lists the hardship types of DOMAIN.md with supporting evidence for each', async () => {
    const schema = buildSubgraphSchema({ typeDefs: gql(typeDefs), resolvers: mediationService.resolvers({} as never) as GraphQLResolverMap<unknown> });
    const result = await graphql({ schema, source: '{ hardshipTypes { code nameZhCn evidence } }' });
    expect(result.errors).toBeUndefined();
    const types = (result.data as { hardshipTypes: { code: string; evidence: string[] }[] }).hardshipTypes;
    expect(types.map((t) => t.code)).toEqual(['UNEMPLOYMENT', 'ILLNESS', 'INCOME_INTERRUPTED', 'OTHER']);
    for (const t of types) expect(t.evidence.length).toBeGreaterThan(0);
  });
});
