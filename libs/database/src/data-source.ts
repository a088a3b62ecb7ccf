import { DataSource, type EntityManager, type EntitySchema, type MixedList } from 'typeorm';
import { Client } from 'pg';

export interface ServiceDatabaseOptions {
  /** Connection URL of the service's runtime role (DML only, not the tables' owner). */
  url: string;
  /** The PostgreSQL schema this service owns. */
  schema: string;
  entities: MixedList<EntitySchema | string | (new () => unknown)>;
  poolSize?: number;
  applicationName: string;
}

export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName,
    extra: { options: `-c search_path=${options.schema}`, connectionTimeoutMillis: 5_000 },
  });
}

export interface MigrationOptions {
  /** Connection URL of the schema's owner role, which alone may change the schema. */
  url: string;
  schema: string;
  migrations: MixedList<string | (new () => unknown)>;
  applicationName: string;
}

/**
 * Applies pending migrations as the schema owner. A session advisory lock keyed on the schema
 * makes concurrent starts of several instances wait for each other instead of racing.
 */
export async function runServiceMigrations(options: MigrationOptions): Promise<string[]> {
  const lock = new Client({ connectionString: options.url, application_name: `${options.applicationName}-migration-lock` });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`redress-migrations:${options.schema}`]);
    const ds = new DataSource({
      type: 'postgres',
      url: options.url,
      schema: options.schema,
      migrations: options.migrations,
      migrationsTableName: 'migrations',
      synchronize: false,
      applicationName: `${options.applicationName}-migrations`,
      extra: { options: `-c search_path=${options.schema}` },
    });
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`redress-migrations:${options.schema}`]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * Runs `work` in a transaction bound to one tenant. The setting is transaction-local
 * (`set_config(..., true)`), so it cannot leak to the next user of a pooled connection;
 * row-level security policies read it.
 */
export async function withTenant<T>(
  ds: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return ds.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return work(manager);
  });
}

const TRANSIENT_CODES = new Set(['57P01', '57P02', '57P03', '53300', '40001', '40P01']);
const TRANSIENT_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** True for failures that go away by themselves: the server restarting, a lost connection, a serialisation conflict. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; driverError?: unknown };
  if (e.driverError && e.driverError !== error) return isTransientDatabaseError(e.driverError);
  if (e.code && (e.code.startsWith('08') || TRANSIENT_CODES.has(e.code) || TRANSIENT_ERRNOS.has(e.code))) return true;
  // pg-pool's own timeout (no free connection in time) carries no code, only this message.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message);
}

/** Liveness of the database for readiness probes. */
export async function pingDatabase(ds: DataSource): Promise<void> {
  await ds.query('SELECT 1');
}
