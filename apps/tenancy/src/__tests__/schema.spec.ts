import { buildSubgraphSchema } from '@apollo/subgraph';
import gql from 'graphql-tag';
import { undocumentedElements } from '@redress/graphql-kit';
import typeDefs from '../schema.graphql';

describe('the tenancy subgraph schema', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undocumentedElements(buildSubgraphSchema({ typeDefs: gql(typeDefs) }))).toEqual([]);
  });
});
