import { z } from 'zod';
import { loadConfig, schemas, setting, type ConfigOf } from '@redress/config';
import { jwksSchema } from './auth/keys';

export const gatewayConfigSpec = {
  port: setting({ env: 'PORT', description: 'HTTP port of the gateway (default 4000).', schema: schemas.port(4000) }),
  host: setting({ env: 'HOST', description: 'Interface to listen on (default 127.0.0.1).', schema: z.string().default('127.0.0.1') }),
  gatewaySecret: setting({
    env: 'GATEWAY_SECRET',
    description: 'Shared secret with which the gateway signs the caller context it forwards to subgraphs.',
    schema: schemas.secret(32),
    secret: true,
  }),
  subgraphUrls: setting({
    env: 'SUBGRAPH_URLS',
    description:
      'Overrides of subgraph URLs, e.g. "complaints=http://127.0.0.1:4101/graphql,notifications=…"; unset ones use the supergraph defaults.',
    schema: z
      .string()
      .default('')
      .transform((value, ctx) => {
        const map: Record<string, string> = {};
        for (const pair of value.split(',').map((p) => p.trim()).filter(Boolean)) {
          const [name, url] = pair.split('=');
          if (!name || !url || !/^https?:\/\//.test(url)) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${pair}" is not name=http(s)://url` });
            return z.NEVER;
          }
          map[name] = url;
        }
        return map;
      }),
  }),
  environment: setting({
    env: 'NODE_ENV',
    description: '"development" or "test" allow introspection; anything else (or unset) is treated as production.',
    schema: z
      .string()
      .default('production')
      .transform((v) => (v === 'development' || v === 'test' ? v : 'production')),
  }),
  maxBodyBytes: setting({
    env: 'MAX_REQUEST_BYTES',
    description: 'Largest request body accepted (default 1 MB).',
    schema: z.coerce.number().int().min(1_000).default(1_000_000),
  }),
  authIssuer: setting({
    env: 'AUTH_ISSUER',
    description: 'The `iss` of staff tokens: the identity provider whose keys are in AUTH_KEYS.',
    schema: z.string().min(1).max(300),
  }),
  authAudience: setting({
    env: 'AUTH_AUDIENCE',
    description: 'The `aud` every token must name (staff and partner-app tokens alike), default "redress-graph".',
    schema: z.string().min(1).max(300).default('redress-graph'),
  }),
  authKeys: setting({
    env: 'AUTH_KEYS',
    description:
      'Public keys that verify staff tokens, as a JWKS JSON document {"keys":[…]}: each with a `kid` and an ES256 (P-256) or EdDSA (Ed25519) key. ' +
      'List the next key beside the current one to rotate without downtime (docs/identity.md).',
    schema: jwksSchema('public'),
  }),
  clientTokenSigningKeys: setting({
    env: 'CLIENT_TOKEN_SIGNING_KEYS',
    description:
      "The gateway's own private keys (JWKS JSON) for partner apps' tokens: the first signs, all verify, so a new key goes first and the old one stays until its tokens expire.",
    schema: jwksSchema('private'),
    secret: true,
  }),
  clientTokenIssuer: setting({
    env: 'CLIENT_TOKEN_ISSUER',
    description: 'The `iss` of the tokens the gateway issues to partner apps (default "redress-gateway").',
    schema: z.string().min(1).max(300).default('redress-gateway'),
  }),
  clientTokenTtlSeconds: setting({
    env: 'CLIENT_TOKEN_TTL_SECONDS',
    description: "Lifetime of a partner app's token (default 900 s = 15 min; 60–3600).",
    schema: z.coerce.number().int().min(60).max(3_600).default(900),
  }),
  maxTokenLifetimeSeconds: setting({
    env: 'MAX_TOKEN_LIFETIME_SECONDS',
    description: 'Staff tokens whose `exp - iat` is longer are refused (default 86400 = 24 h).',
    schema: z.coerce.number().int().min(60).default(86_400),
  }),
  clockToleranceSeconds: setting({
    env: 'CLOCK_TOLERANCE_SECONDS',
    description: 'Clock skew allowed when checking `exp`, `nbf` and `iat` (default 30 s).',
    schema: z.coerce.number().int().min(0).max(300).default(30),
  }),
  requireRegisteredTenant: setting({
    env: 'REQUIRE_REGISTERED_TENANT',
    description:
      "Refuse tokens naming a tenant the tenancy service does not know (default true). Suspended tenants are refused either way; only test runs whose tenants are never onboarded turn this off.",
    schema: schemas.flag(true),
  }),
  tenantStatusTtlMs: setting({
    env: 'TENANT_STATUS_TTL_MS',
    description: "How long the gateway trusts a tenant's status read from tenancy (default 5000 ms): the longest a suspension takes to bite.",
    schema: z.coerce.number().int().min(0).max(300_000).default(5_000),
  }),
  maxQueryDepth: setting({
    env: 'MAX_QUERY_DEPTH',
    description: 'Deepest selection a query may have, introspection fields aside (default 12).',
    schema: z.coerce.number().int().min(2).max(100).default(12),
  }),
  maxQueryCost: setting({
    env: 'MAX_QUERY_COST',
    description: 'Largest estimated cost of a query: 1 per field, a list field times its `first` (default 20) (default 5000).',
    schema: z.coerce.number().int().min(10).default(5_000),
  }),
  rateLimitPoints: setting({
    env: 'RATE_LIMIT_POINTS',
    description: 'Requests one client (tenant + actor) may make per window (default 600).',
    schema: z.coerce.number().int().min(1).default(600),
  }),
  rateLimitWindowSeconds: setting({
    env: 'RATE_LIMIT_WINDOW_SECONDS',
    description: 'The rate-limit window (default 60 s).',
    schema: z.coerce.number().int().min(1).max(86_400).default(60),
  }),
  tokenRateLimitPoints: setting({
    env: 'TOKEN_RATE_LIMIT_POINTS',
    description: 'Token requests per client id and address per window at POST /oauth/token (default 30): slows secret guessing.',
    schema: z.coerce.number().int().min(1).default(30),
  }),
};

export type GatewayConfig = ConfigOf<typeof gatewayConfigSpec>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(gatewayConfigSpec, env);
}
