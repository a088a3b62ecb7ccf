import type { EntityManager } from 'typeorm';
import { updatedRows } from '../../shared/infrastructure/affected-rows';
import type { AppealableKind } from '@redress/contracts';
import { defaultPolicy, type AppealPolicy } from '../domain/appeal-policy';

/** The tenant's appeals policy; a tenant not yet onboarded here gets the regulatory defaults. */
export const policyRepository = {
  async get(manager: EntityManager, tenantId: string): Promise<AppealPolicy> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM appeals.tenant_policies WHERE tenant_id = $1', [tenantId]);
    return rows[0] ? fromRow(rows[0]) : defaultPolicy(tenantId);
  },

  /** Locks the policy row (creating it with defaults) so a change and a concurrent onboarding serialise. */
  async getForUpdate(manager: EntityManager, tenantId: string): Promise<AppealPolicy> {
    const d = defaultPolicy(tenantId);
    await manager.query(
      `INSERT INTO appeals.tenant_policies (tenant_id, time_zone, window_days, decision_days, warning_hours, serious_kinds,
         serious_amount_minor, committee_min_members, matter_min_borrowers, matter_period_days, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0) ON CONFLICT (tenant_id) DO NOTHING`,
      [tenantId, d.timeZone, d.windowDays, d.decisionDays, d.warningHours, d.seriousKinds, d.seriousAmountMinor, d.committeeMinMembers, d.matterMinBorrowers, d.matterPeriodDays],
    );
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM appeals.tenant_policies WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
    return fromRow(rows[0]!);
  },

  async save(manager: EntityManager, policy: AppealPolicy, actorId: string): Promise<void> {
    await manager.query(
      `UPDATE appeals.tenant_policies SET time_zone = $2, window_days = $3, decision_days = $4, warning_hours = $5, serious_kinds = $6,
         serious_amount_minor = $7, committee_min_members = $8, matter_min_borrowers = $9, matter_period_days = $10, version = $11,
         updated_by = $12, updated_at = now()
       WHERE tenant_id = $1`,
      [
        policy.tenantId,
        policy.timeZone,
        policy.windowDays,
        policy.decisionDays,
        policy.warningHours,
        policy.seriousKinds,
        policy.seriousAmountMinor,
        policy.committeeMinMembers,
        policy.matterMinBorrowers,
        policy.matterPeriodDays,
        policy.version,
        actorId,
      ],
    );
  },

  /** Onboarding sets the time zone; only a newer tenant revision wins (replays and reorderings are harmless). */
  async applyOnboarding(manager: EntityManager, tenantId: string, timeZone: string, revision: number): Promise<boolean> {
    await this.getForUpdate(manager, tenantId);
    const result: unknown = await manager.query(
      `UPDATE appeals.tenant_policies SET time_zone = $2, tenant_revision = $3, updated_at = now()
        WHERE tenant_id = $1 AND tenant_revision < $3 RETURNING 1`,
      [tenantId, timeZone, revision],
    );
    return updatedRows(result) > 0;
  },
};

function fromRow(r: Record<string, unknown>): AppealPolicy {
  return {
    tenantId: r['tenant_id'] as string,
    timeZone: r['time_zone'] as string,
    windowDays: r['window_days'] as number,
    decisionDays: r['decision_days'] as number,
    warningHours: r['warning_hours'] as number,
    seriousKinds: r['serious_kinds'] as AppealableKind[],
    seriousAmountMinor: r['serious_amount_minor'] === null ? null : Number(r['serious_amount_minor']),
    committeeMinMembers: r['committee_min_members'] as number,
    matterMinBorrowers: r['matter_min_borrowers'] as number,
    matterPeriodDays: r['matter_period_days'] as number,
    version: r['version'] as number,
  };
}
