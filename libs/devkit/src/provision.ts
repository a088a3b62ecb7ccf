import { createHmac } from 'node:crypto';
import { ensureDatabase, provisionServiceDatabase, urlForDatabase, urlForRole } from '@redress/database';
import { SUBGRAPHS } from './catalog';

export interface ServiceDatabaseUrls {
  databaseUrl: string;
  migrationsDatabaseUrl: string;
}

/**
 * Passwords of the services' roles on a local cluster, derived from one secret so nothing has to
 * be stored; production passes its own URLs instead (README, "External PostgreSQL").
 */
function rolePassword(role: string): string {
  const secret = process.env['REDRESS_DB_ROLE_SECRET'] ?? 'redress-local-development-only';
  return createHmac('sha256', secret).update(role).digest('base64url').slice(0, 32);
}

export function rolesOf(schema: string) {
  const owner = `${schema}_owner`;
  const app = `${schema}_app`;
  return {
    schema,
    owner: { name: owner, password: rolePassword(owner) },
    app: { name: app, password: rolePassword(app) },
  };
}

/**
 * Creates the database (if missing) and, in it, every service's schema and roles; returns the
 * URLs each service is started with. Idempotent: safe at every platform start.
 */
export async function provisionPlatformDatabase(adminUrl: string, database: string): Promise<Map<string, ServiceDatabaseUrls>> {
  await ensureDatabase(adminUrl, database);
  const dbAdminUrl = urlForDatabase(adminUrl, database);
  const urls = new Map<string, ServiceDatabaseUrls>();
  for (const subgraph of SUBGRAPHS) {
    const roles = rolesOf(subgraph.schema);
    await provisionServiceDatabase(dbAdminUrl, roles);
    urls.set(subgraph.name, {
      databaseUrl: urlForRole(dbAdminUrl, roles.app),
      migrationsDatabaseUrl: urlForRole(dbAdminUrl, roles.owner),
    });
  }
  return urls;
}
