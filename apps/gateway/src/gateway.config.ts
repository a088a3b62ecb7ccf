import { z } from 'zod';
import { loadConfig, schemas, setting, type ConfigOf } from '@redress/config';

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
  allowDevTokens: setting({
    env: 'ALLOW_DEV_TOKENS',
    description:
      'Accept development tokens that name tenant and caller (until signed identity lands). Default false; allowed only with NODE_ENV=development or test.',
    schema: schemas.flag(false),
  }),
  environment: setting({
    env: 'NODE_ENV',
    description: '"development" or "test" allow introspection and development tokens; anything else (or unset) is treated as production.',
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
};

export type GatewayConfig = ConfigOf<typeof gatewayConfigSpec>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const config = loadConfig(gatewayConfigSpec, env);
  // Development tokens are unsigned: anyone could name any tenant. Fail closed on a mistyped NODE_ENV.
  if (config.environment === 'production' && config.allowDevTokens) {
    throw new Error('ALLOW_DEV_TOKENS=true is refused unless NODE_ENV is "development" or "test"');
  }
  return config;
}
