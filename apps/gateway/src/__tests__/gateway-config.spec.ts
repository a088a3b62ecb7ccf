import { loadGatewayConfig } from '../gateway.config';
import { subgraphsOf } from '../gateway';
import supergraph from '../supergraph.graphql';

const secret = 'x'.repeat(32);

describe('gateway configuration', () => {
  it('reads subgraph URL overrides, and defaults to production without development tokens', () => {
    const config = loadGatewayConfig({ GATEWAY_SECRET: secret, SUBGRAPH_URLS: 'complaints=http://127.0.0.1:4101/graphql' });
    expect(config.subgraphUrls).toEqual({ complaints: 'http://127.0.0.1:4101/graphql' });
    expect(config.allowDevTokens).toBe(false);
    expect(config.environment).toBe('production');
  });

  it('refuses a malformed override', () => {
    expect(() => loadGatewayConfig({ GATEWAY_SECRET: secret, SUBGRAPH_URLS: 'complaints' })).toThrow('SUBGRAPH_URLS');
  });

  it.each([undefined, 'production', 'prod', 'Production', 'staging'])('refuses development tokens when NODE_ENV is %s', (nodeEnv) => {
    expect(() => loadGatewayConfig({ GATEWAY_SECRET: secret, NODE_ENV: nodeEnv, ALLOW_DEV_TOKENS: 'true' })).toThrow('ALLOW_DEV_TOKENS');
  });

  it.each(['development', 'test'])('allows development tokens when NODE_ENV is %s', (nodeEnv) => {
    expect(loadGatewayConfig({ GATEWAY_SECRET: secret, NODE_ENV: nodeEnv, ALLOW_DEV_TOKENS: 'true' }).allowDevTokens).toBe(true);
  });

  it('finds every subgraph in the supergraph', () => {
    expect(subgraphsOf(supergraph).map((s) => s.name).sort()).toEqual(['appeals', 'complaints', 'mediation', 'notifications', 'refunds']);
  });
});
