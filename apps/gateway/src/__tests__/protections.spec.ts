import { buildASTSchema, parse } from 'graphql';
import gql from 'graphql-tag';
import { TenantStatusCache } from '../auth/tenancy-client';
import { checkCost, checkDepth } from '../protection/query-limits';
import { ClientRateLimiter } from '../protection/rate-limit';

const schema = buildASTSchema(gql`
  type Query {
    items(first: Int, after: String): ItemConnection!
    node: Node
  }
  type ItemConnection {
    edges: [Edge!]!
  }
  type Edge {
    node: Node!
  }
  type Node {
    id: ID!
    child: Node
    children(first: Int): ItemConnection!
  }
`);

describe('query depth limit', () => {
  it('lets a query within the limit through and refuses a deeper one as BAD_USER_INPUT', () => {
    expect(checkDepth(schema, parse('{ node { child { child { id } } } }'), 4)).toBeNull();
    const error = checkDepth(schema, parse('{ node { child { child { child { child { id } } } } } }'), 4);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 4 });
  });

  it('does not count introspection fields', () => {
    expect(checkDepth(schema, parse('{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }'), 3)).toBeNull();
  });
});

describe('query cost limit', () => {
  it('multiplies a list by the page asked for, and refuses over the limit', () => {
    expect(checkCost(schema, parse('{ items(first: 10) { edges { node { id } } } }'), {}, undefined, 100)).toBeNull();
    const error = checkCost(schema, parse('{ items(first: 100) { edges { node { children(first: 100) { edges { node { id } } } } } } }'), {}, undefined, 5_000);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 5_000 });
    expect(Number(error?.extensions['cost'])).toBeGreaterThan(5_000);
  });

  it('reads the page size from variables', () => {
    const query = parse('query($n: Int) { items(first: $n) { edges { node { children(first: $n) { edges { node { id } } } } } } }');
    expect(checkCost(schema, query, { n: 5 }, undefined, 1_000)).toBeNull();
    expect(checkCost(schema, query, { n: 100 }, undefined, 1_000)).not.toBeNull();
  });
});

describe('per-client rate limit', () => {
  it('allows the points per window, then says how long to wait; other clients are unaffected', async () => {
    const limiter = new ClientRateLimiter(3, 60);
    for (let i = 0; i < 3; i += 1) await expect(limiter.take('tenant-a|app')).resolves.toEqual({ ok: true });
    const refused = await limiter.take('tenant-a|app');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(!refused.ok && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(limiter.take('tenant-b|app')).resolves.toEqual({ ok: true });
  });
});

describe('tenant status cache', () => {
  it('asks tenancy at most once per TTL, uses a recent status while tenancy is away, then fails closed', async () => {
    let now = 0;
    let answer: () => Promise<'ACTIVE' | 'SUSPENDED'> = async () => 'ACTIVE';
    const fetch = jest.fn(() => answer());
    const cache = new TenantStatusCache(fetch, 1_000, 10_000, () => now);
    await expect(cache.statusOf('t')).resolves.toBe('ACTIVE');
    now = 500;
    await expect(cache.statusOf('t')).resolves.toBe('ACTIVE');
    expect(fetch).toHaveBeenCalledTimes(1);
    now = 1_500;
    answer = async () => 'SUSPENDED';
    await expect(cache.statusOf('t')).resolves.toBe('SUSPENDED');
    now = 3_000;
    answer = async () => {
      throw new Error('tenancy down');
    };
    await expect(cache.statusOf('t')).resolves.toBe('SUSPENDED');
    now = 20_000;
    await expect(cache.statusOf('t')).rejects.toThrow('tenancy down');
  });
});

describe('query cost limit with bad variables', () => {
  it('leaves variables that do not coerce to execution, which names the field', () => {
    const query = parse('query($n: Int!) { items(first: $n) { edges { node { id } } } }');
    expect(checkCost(schema, query, { n: 'many' }, undefined, 10)).toBeNull();
    expect(checkCost(schema, query, {}, undefined, 10)).toBeNull();
  });
});
