import type { EntityManager } from 'typeorm';
import { refundPolicySchema, type RefundPolicy, type RefundPolicyVersion } from '../domain/refund-policy';

interface PolicyRow {
  tenant_id: string;
  version: number;
  effective_from: Date;
  policy: unknown;
  created_by: string;
  tenant_revision: number | null;
}

const toDomain = (r: PolicyRow): RefundPolicyVersion => ({
  tenantId: r.tenant_id,
  version: r.version,
  effectiveFrom: r.effective_from,
  // Stored policies were validated when written; parsing again fills defaults added since.
  policy: refundPolicySchema.parse(r.policy),
  createdBy: r.created_by,
});

/** Versions of tenants' refund policies. A version is never changed once written. */
export const policyRepository = {
  async current(manager: EntityManager, tenantId: string): Promise<RefundPolicyVersion | null> {
    const rows: PolicyRow[] = await manager.query(
      `SELECT * FROM refunds.policies WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
      [tenantId],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  },

  async byVersions(manager: EntityManager, tenantId: string, versions: readonly number[]): Promise<RefundPolicyVersion[]> {
    const rows: PolicyRow[] = await manager.query(`SELECT * FROM refunds.policies WHERE tenant_id = $1 AND version = ANY($2)`, [
      tenantId,
      [...new Set(versions)],
    ]);
    return rows.map(toDomain);
  },

  async list(manager: EntityManager, tenantId: string): Promise<RefundPolicyVersion[]> {
    const rows: PolicyRow[] = await manager.query(`SELECT * FROM refunds.policies WHERE tenant_id = $1 ORDER BY version DESC`, [tenantId]);
    return rows.map(toDomain);
  },

  /** The onboarding revision the latest onboarding-made version came from, if any. */
  async lastTenantRevision(manager: EntityManager, tenantId: string): Promise<number | null> {
    const rows: { r: number | null }[] = await manager.query(`SELECT max(tenant_revision) AS r FROM refunds.policies WHERE tenant_id = $1`, [tenantId]);
    return rows[0]?.r ?? null;
  },

  /** Writes the next version; writers of one tenant's policy take turns, so versions never collide. */
  async append(
    manager: EntityManager,
    tenantId: string,
    policy: RefundPolicy,
    createdBy: string,
    effectiveFrom: Date,
    tenantRevision: number | null = null,
  ): Promise<RefundPolicyVersion> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`refund-policy:${tenantId}`]);
    const rows: PolicyRow[] = await manager.query(
      `INSERT INTO refunds.policies (tenant_id, version, effective_from, policy, created_by, tenant_revision)
       SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5 FROM refunds.policies WHERE tenant_id = $1
       RETURNING *`,
      [tenantId, effectiveFrom, JSON.stringify(policy), createdBy, tenantRevision],
    );
    return toDomain(rows[0]!);
  },
};
