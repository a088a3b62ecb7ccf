import { committedSupergraph, composeFromSchemaFiles } from '../supergraph-file';

describe('the committed supergraph', () => {
  it('is what the subgraph schema files compose to today (run `npm run compose` after changing a schema)', () => {
    expect(committedSupergraph()).toBe(composeFromSchemaFiles());
  });
});
