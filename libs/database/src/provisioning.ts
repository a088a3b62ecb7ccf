import { Client } from 'pg';

export interface ServiceDatabaseRoles {
  schema: string;
  owner: { name: string; password: string };
  app: { name: string; password: string };
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Refusing unsafe SQL identifier "${name}"`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Creates (idempotently) a service's schema and its two roles: the owner, which runs migrations,
 * and the runtime role, which may only read and write rows. Neither is a superuser, and the runtime
 * role does not own the tables, so row-level security applies to it. Needs an administrator URL.
 */
export async function provisionServiceDatabase(adminUrl: string, roles: ServiceDatabaseRoles): Promise<void> {
  const client = new Client({ connectionString: adminUrl, application_name: 'redress-provisioning' });
  await client.connect();
  try {
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    for (const role of [roles.owner, roles.app]) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${ident(role.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${literal(role.password)}`,
      );
    }
    const owner = ident(roles.owner.name);
    const app = ident(roles.app.name);
    const schema = ident(roles.schema);
    await client.query(`GRANT CONNECT ON DATABASE ${ident(db)} TO ${owner}, ${app}`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${owner}`);
    await client.query(`ALTER SCHEMA ${schema} OWNER TO ${owner}`);
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
    await client.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    );
    await client.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    );
    // No blanket GRANT … ON ALL TABLES here: the default privileges above cover every table the owner
    // creates, and a migration may narrow one (an append-only audit trail keeps INSERT and SELECT
    // only), which a re-grant at every start would silently undo.
  } finally {
    await client.end();
  }
}

/** The same server and database as `baseUrl`, reached as another role. */
export function urlForRole(baseUrl: string, role: { name: string; password: string }): string {
  const url = new URL(baseUrl);
  url.username = encodeURIComponent(role.name);
  url.password = encodeURIComponent(role.password);
  return url.toString();
}

/** `baseUrl` pointing at another database on the same server. */
export function urlForDatabase(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a database if it is missing (administrator URL of any database on the server). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${ident(database)}`);
  } finally {
    await client.end();
  }
}
