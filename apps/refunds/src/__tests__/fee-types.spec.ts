import { graphql } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import gql from 'graphql-tag';
import typeDefs from '../schema.graphql';
import { refundsService } from '../refunds.service';

describe('refundableFeeTypes', () => {
  it('lists every refundable fee type with its Chinese and English name', async () => {
    const schema = buildSubgraphSchema({ typeDefs: gql(typeDefs), resolvers: refundsService.resolvers({} as never) as GraphQLResolverMap<unknown> });
    const result = await graphql({ schema, source: '{ refundableFeeTypes { code nameZhCn nameEn } }' });
    expect(result.errors).toBeUndefined();
    const types = (result.data as { refundableFeeTypes: { code: string; nameZhCn: string }[] }).refundableFeeTypes;
    expect(types.map((t) => t.code)).toEqual(
      expect.arrayContaining(['SERVICE_FEE', 'MEMBERSHIP_FEE', 'INSURANCE_PREMIUM', 'INTEREST_CHARGED_IN_ERROR']),
    );
    expect(types.find((t) => t.code === 'SERVICE_FEE')?.nameZhCn).toBe('服务费');
  });
});
