import { z } from 'zod';
import { loadConfig, schemas, setting, type ConfigOf } from '@redress/config';
import { PersonalDataCipher } from '@redress/personal-data';

/** Settings every subgraph service reads; documented in the README's configuration table. */
export function serviceConfigSpec(defaultPort: number) {
  return {
    port: setting({ env: 'PORT', description: `HTTP port of the service (default ${defaultPort}).`, schema: schemas.port(defaultPort) }),
    host: setting({
      env: 'HOST',
      description: 'Interface to listen on (default 127.0.0.1: subgraphs are reached only by the gateway).',
      schema: z.string().default('127.0.0.1'),
    }),
    databaseUrl: setting({
      env: 'DATABASE_URL',
      description: "PostgreSQL URL of the service's runtime role (reads and writes rows; does not own the tables).",
      schema: schemas.url(),
      secret: true,
    }),
    migrationsDatabaseUrl: setting({
      env: 'MIGRATIONS_DATABASE_URL',
      description: "PostgreSQL URL of the role that owns the service's schema; used only to apply migrations at start.",
      schema: schemas.url(),
      secret: true,
    }),
    dbPoolSize: setting({
      env: 'DB_POOL_SIZE',
      description: 'Connections in the service pool (default 10).',
      schema: z.coerce.number().int().min(1).max(100).default(10),
    }),
    kafkaBrokers: setting({ env: 'KAFKA_BROKERS', description: 'Comma-separated Kafka bootstrap servers.', schema: schemas.brokers() }),
    eventsNamespace: setting({
      env: 'EVENTS_NAMESPACE',
      description: 'Prefix of every topic and consumer group (default "redress"); test runs use their own.',
      schema: schemas.namespace(),
    }),
    gatewaySecret: setting({
      env: 'GATEWAY_SECRET',
      description: 'Shared secret with which the gateway signs the caller context; requests without it are refused.',
      schema: schemas.secret(32),
      secret: true,
    }),
    personalData: setting({
      env: 'REDRESS_DATA_KEYS',
      description:
        'Keys that seal personal data at rest and in events: comma-separated `<keyId>:<32 bytes base64>`, the active key first; ' +
        'keep retired keys listed until every value is resealed. The same ring for every service.',
      schema: z.string().min(1, 'required').transform((value, ctx) => {
        try {
          return PersonalDataCipher.fromConfig(value);
        } catch (error) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
          return z.NEVER;
        }
      }),
      secret: true,
    }),
  };
}

export type ServiceConfig = ConfigOf<ReturnType<typeof serviceConfigSpec>>;

export function loadServiceConfig(defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadConfig(serviceConfigSpec(defaultPort), env);
}
