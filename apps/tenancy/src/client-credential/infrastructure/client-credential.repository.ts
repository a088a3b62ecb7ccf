import type { EntityManager } from 'typeorm';
import type { ClientCredential } from '../domain/client-credential';

interface CredentialRow {
  tenant_id: string;
  id: string;
  client_id: string;
  name: string;
  roles: string[];
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

const COLUMNS = 'tenant_id, id, client_id, name, roles, created_at, created_by, revoked_at, revoked_by, last_used_at';

function toCredential(r: CredentialRow): ClientCredential {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    clientId: r.client_id,
    name: r.name,
    roles: r.roles,
    createdAt: r.created_at,
    createdBy: r.created_by,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
    lastUsedAt: r.last_used_at,
  };
}

/** What the token exchange needs to check a secret, found by client id across tenants (see the migration). */
export interface CredentialForVerification {
  tenantId: string;
  id: string;
  clientId: string;
  secretHash: string;
  roles: string[];
  revoked: boolean;
}

/** Tenant-owned rows: every call runs inside `withTenant`, and every query names the tenant too. */
export const clientCredentialRepository = {
  async insert(manager: EntityManager, credential: ClientCredential, secretHash: string): Promise<void> {
    await manager.query(
      `INSERT INTO tenancy.client_credentials (tenant_id, id, client_id, name, secret_hash, roles, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [credential.tenantId, credential.id, credential.clientId, credential.name, secretHash, credential.roles, credential.createdAt, credential.createdBy],
    );
  },

  async findById(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<ClientCredential | null> {
    const rows: CredentialRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM tenancy.client_credentials WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return rows[0] ? toCredential(rows[0]) : null;
  },

  async revoke(manager: EntityManager, tenantId: string, id: string, at: Date, by: string): Promise<void> {
    await manager.query(`UPDATE tenancy.client_credentials SET revoked_at = $3, revoked_by = $4 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      at,
      by,
    ]);
  },

  async markUsed(manager: EntityManager, tenantId: string, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE tenancy.client_credentials SET last_used_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, at]);
  },

  async list(
    manager: EntityManager,
    tenantId: string,
    options: { includeRevoked: boolean; after: [string, string] | null; limit: number },
  ): Promise<ClientCredential[]> {
    const params: unknown[] = [tenantId, options.limit + 1];
    const where = ['tenant_id = $1'];
    if (!options.includeRevoked) where.push('revoked_at IS NULL');
    if (options.after) {
      params.push(options.after[0], options.after[1]);
      where.push('(created_at, id) < ($3::timestamptz, $4::uuid)');
    }
    const rows: CredentialRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM tenancy.client_credentials WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    return rows.map(toCredential);
  },

  /** Outside any tenant: the SECURITY DEFINER finder returns the one credential with this client id. */
  async forVerification(manager: EntityManager, clientId: string): Promise<CredentialForVerification | null> {
    const rows: { tenant_id: string; id: string; client_id: string; secret_hash: string; roles: string[]; revoked: boolean }[] =
      await manager.query(`SELECT * FROM tenancy.credential_for_client($1)`, [clientId]);
    const r = rows[0];
    return r ? { tenantId: r.tenant_id, id: r.id, clientId: r.client_id, secretHash: r.secret_hash, roles: r.roles, revoked: r.revoked } : null;
  },
};
