import { generateKeyPairSync } from 'node:crypto';
import { loadGatewayConfig } from '../gateway.config';
import { subgraphsOf } from '../gateway';
import supergraph from '../supergraph.graphql';

const secret = 'x'.repeat(32);
const ed = generateKeyPairSync('ed25519');
const publicJwks = JSON.stringify({ keys: [{ ...ed.publicKey.export({ format: 'jwk' }), kid: 'staff-1' }] });
const privateJwks = JSON.stringify({ keys: [{ ...ed.privateKey.export({ format: 'jwk' }), kid: 'gw-1' }] });
const base = { GATEWAY_SECRET: secret, AUTH_ISSUER: 'https://idp.example', AUTH_KEYS: publicJwks, CLIENT_TOKEN_SIGNING_KEYS: privateJwks };

describe('gateway configuration', () => {
  it('reads subgraph URL overrides and keys, and defaults to production with the protections on', () => {
    const config = loadGatewayConfig({ ...base, SUBGRAPH_URLS: 'complaints=http://127.0.0.1:4101/graphql' });
    expect(config.subgraphUrls).toEqual({ complaints: 'http://127.0.0.1:4101/graphql' });
    expect(config.environment).toBe('production');
    expect(config.authKeys.map((k) => [k.kid, k.alg])).toEqual([['staff-1', 'EdDSA']]);
    expect(config.requireRegisteredTenant).toBe(true);
    expect(config.maxQueryDepth).toBe(12);
  });

  it('refuses a malformed override', () => {
    expect(() => loadGatewayConfig({ ...base, SUBGRAPH_URLS: 'complaints' })).toThrow('SUBGRAPH_URLS');
  });

  it.each([
    ['AUTH_KEYS', 'not json', 'is not JSON'],
    ['AUTH_KEYS', privateJwks, 'is a private key'],
    ['CLIENT_TOKEN_SIGNING_KEYS', publicJwks, 'has no private part'],
    ['AUTH_KEYS', JSON.stringify({ keys: [{ kty: 'RSA', crv: 'x', kid: 'r' }] }), 'kid, kty and crv'],
    ['AUTH_KEYS', JSON.stringify({ keys: [] }), 'at least one key'],
  ])('refuses %s = %s', (name, value, message) => {
    expect(() => loadGatewayConfig({ ...base, [name]: value })).toThrow(message);
  });

  it('requires the issuer and the keys', () => {
    expect(() => loadGatewayConfig({ GATEWAY_SECRET: secret })).toThrow(/AUTH_ISSUER[\s\S]*AUTH_KEYS[\s\S]*CLIENT_TOKEN_SIGNING_KEYS/);
  });

  it('finds every subgraph in the supergraph', () => {
    expect(subgraphsOf(supergraph).map((s) => s.name).sort()).toEqual(['appeals', 'complaints', 'mediation', 'notifications', 'refunds', 'tenancy']);
  });
});
