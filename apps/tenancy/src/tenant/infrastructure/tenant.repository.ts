import type { EntityManager } from 'typeorm';
import type { ComplaintChannel, ComplaintClockPolicy, Locale } from '@redress/contracts';
import type { Tenant, TenantStatus } from '../domain/tenant';

interface TenantRow {
  id: string;
  code: string;
  name: string;
  locales: string[];
  default_locale: string;
  time_zone: string;
  enabled_channels: string[];
  clock_policy: ComplaintClockPolicy;
  refund_policy: Record<string, unknown> | null;
  status: TenantStatus;
  status_reason: string | null;
  revision: number;
  onboarded_at: Date;
  onboarded_by: string;
  updated_at: Date;
}

const COLUMNS = `id, code, name, locales, default_locale, time_zone, enabled_channels, clock_policy, refund_policy,
  status, status_reason, revision, onboarded_at, onboarded_by, updated_at`;

function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    locales: row.locales as Locale[],
    defaultLocale: row.default_locale as Locale,
    timeZone: row.time_zone,
    enabledChannels: row.enabled_channels as ComplaintChannel[],
    clockPolicy: row.clock_policy,
    refundPolicy: row.refund_policy,
    status: row.status,
    statusReason: row.status_reason,
    revision: row.revision,
    onboardedAt: row.onboarded_at,
    onboardedBy: row.onboarded_by,
    updatedAt: row.updated_at,
  };
}

/** The tenant registry (platform-level: no tenant owns these rows). */
export const tenantRepository = {
  /** Inserts a new tenant; false when the id or the code is taken (the caller decides which to report). */
  async insert(manager: EntityManager, tenant: Tenant): Promise<'inserted' | 'id-taken' | 'code-taken'> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO tenancy.tenants (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        tenant.id,
        tenant.code,
        tenant.name,
        tenant.locales,
        tenant.defaultLocale,
        tenant.timeZone,
        tenant.enabledChannels,
        JSON.stringify(tenant.clockPolicy),
        tenant.refundPolicy === null ? null : JSON.stringify(tenant.refundPolicy),
        tenant.status,
        tenant.statusReason,
        tenant.revision,
        tenant.onboardedAt,
        tenant.onboardedBy,
        tenant.updatedAt,
      ],
    );
    if (rows.length) return 'inserted';
    const byId: unknown[] = await manager.query(`SELECT 1 FROM tenancy.tenants WHERE id = $1`, [tenant.id]);
    return byId.length ? 'id-taken' : 'code-taken';
  },

  async findById(manager: EntityManager, id: string, lock = false): Promise<Tenant | null> {
    const rows: TenantRow[] = await manager.query(`SELECT ${COLUMNS} FROM tenancy.tenants WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toTenant(rows[0]) : null;
  },

  async findByCode(manager: EntityManager, code: string): Promise<Tenant | null> {
    const rows: TenantRow[] = await manager.query(`SELECT ${COLUMNS} FROM tenancy.tenants WHERE code = $1`, [code]);
    return rows[0] ? toTenant(rows[0]) : null;
  },

  async updateStatus(manager: EntityManager, tenant: Tenant): Promise<void> {
    await manager.query(`UPDATE tenancy.tenants SET status = $2, status_reason = $3, revision = $4, updated_at = $5 WHERE id = $1`, [
      tenant.id,
      tenant.status,
      tenant.statusReason,
      tenant.revision,
      tenant.updatedAt,
    ]);
  },

  async updateSettings(manager: EntityManager, tenant: Tenant): Promise<void> {
    await manager.query(
      `UPDATE tenancy.tenants SET name = $2, locales = $3, default_locale = $4, time_zone = $5, enabled_channels = $6,
         clock_policy = $7, refund_policy = $8, revision = $9, updated_at = $10 WHERE id = $1`,
      [
        tenant.id,
        tenant.name,
        tenant.locales,
        tenant.defaultLocale,
        tenant.timeZone,
        tenant.enabledChannels,
        JSON.stringify(tenant.clockPolicy),
        tenant.refundPolicy === null ? null : JSON.stringify(tenant.refundPolicy),
        tenant.revision,
        tenant.updatedAt,
      ],
    );
  },

  /** Newest onboarded first, keyset-paginated on (onboarded_at, id). */
  async list(
    manager: EntityManager,
    options: { status: TenantStatus | null; after: [string, string] | null; limit: number },
  ): Promise<Tenant[]> {
    const params: unknown[] = [options.limit + 1];
    const where: string[] = [];
    if (options.status) {
      params.push(options.status);
      where.push(`status = $${params.length}`);
    }
    if (options.after) {
      params.push(options.after[0], options.after[1]);
      where.push(`(onboarded_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: TenantRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM tenancy.tenants ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY onboarded_at DESC, id DESC LIMIT $1`,
      params,
    );
    return rows.map(toTenant);
  },
};
