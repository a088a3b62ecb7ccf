import { loadGatewayConfig } from '../gateway.config';
import { subgraphsOf } from '../gateway';
import supergraph from '../supergraph.graphql';

const secret = 'x'.repeat(32);

describe('gateway configuration', () => {
  it('reads subgraph URL overrides', () => {
    const config = loadGatewayConfig({ GATEWAY_SECRET: secret, SUBGRAPH_URLS: 'complaints=http://127.0.0.1:4101/graphql' });
    expect(config.subgraphUrls).toEqual({ complaints: 'http://127.0.0.1:4101/graphql' });
    expect(config.allowDevTokens).toBe(true);
  });

  it('refuses a malformed override', () => {
    expect(() => loadGatewayConfig({ GATEWAY_SECRET: secret, SUBGRAPH_URLS: 'complaints' })).toThrow('SUBGRAPH_URLS');
  });

  it('refuses development tokens in production', () => {
    expect(() => loadGatewayConfig({ GATEWAY_SECRET: secret, NODE_ENV: 'production' })).toThrow('ALLOW_DEV_TOKENS');
    expect(loadGatewayConfig({ GATEWAY_SECRET: secret, NODE_ENV: 'production', ALLOW_DEV_TOKENS: 'false' }).production).toBe(true);
  });

  it('finds every subgraph in the supergraph', () => {
    expect(subgraphsOf(supergraph).map((s) => s.name).sort()).toEqual(['appeals', 'complaints', 'mediation', 'notifications', 'refunds']);
  });
});
