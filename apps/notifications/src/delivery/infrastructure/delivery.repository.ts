import type { DataSource, EntityManager } from 'typeorm';
import { withTenant } from '@redress/database';
import { updateReturning } from '../../notice/infrastructure/update-returning';

export type DeliveryOutcome =
  | { kind: 'sent'; delivered: boolean; providerMessageId: string | null }
  | { kind: 'retry'; at: Date; error: string }
  | { kind: 'dead-letter'; error: string; attempted: boolean }
  | { kind: 'suppressed'; reason: string }
  | { kind: 'hold'; until: Date; reason: string }
  | { kind: 'await-contact'; until: Date; reason: string };

/** The delivery side of a notice: claiming due ones across tenants, recording what happened. */
export const deliveryRepository = {
  /** Claims due deliveries of every tenant under a lease (SECURITY DEFINER: see the migration). */
  async claimDue(ds: DataSource, now: Date, leaseMs: number, max: number): Promise<{ tenant_id: string; id: string }[]> {
    return ds.query('SELECT * FROM notifications.claim_due_deliveries($1, make_interval(secs => $2), $3)', [now, leaseMs / 1000, max]);
  },

  /**
   * Records the outcome of one attempt, only while the notice still waits for it (a notice retried
   * by an administrator meanwhile is left alone). Returns false if nothing was recorded.
   */
  async record(manager: EntityManager, tenantId: string, id: string, outcome: DeliveryOutcome, now: Date): Promise<boolean> {
    let sql: string;
    let params: unknown[];
    let attemptOutcome: string | null = null;
    let attemptError: string | null = null;
    switch (outcome.kind) {
      case 'sent':
        sql = `status = $3, attempts = attempts + 1, sent_at = $4, delivered_at = $5, provider_message_id = $6, last_error = NULL, next_attempt_at = NULL`;
        params = [outcome.delivered ? 'DELIVERED' : 'SENT', now, outcome.delivered ? now : null, outcome.providerMessageId];
        attemptOutcome = outcome.delivered ? 'DELIVERED' : 'SENT';
        break;
      case 'retry':
        sql = `status = 'FAILED', attempts = attempts + 1, last_error = $3, next_attempt_at = $4`;
        params = [outcome.error, outcome.at];
        attemptOutcome = 'FAILED';
        attemptError = outcome.error;
        break;
      case 'dead-letter':
        sql = `status = 'DEAD_LETTERED', attempts = attempts + $5, last_error = $3, dead_lettered_at = $4, next_attempt_at = NULL`;
        params = [outcome.error, now, outcome.attempted ? 1 : 0];
        if (outcome.attempted) {
          attemptOutcome = 'FAILED';
          attemptError = outcome.error;
        }
        break;
      case 'suppressed':
        sql = `status = 'SUPPRESSED', last_error = $3, next_attempt_at = NULL`;
        params = [outcome.reason];
        break;
      case 'hold':
        sql = `last_error = $3, next_attempt_at = $4`;
        params = [outcome.reason, outcome.until];
        break;
      case 'await-contact':
        // The contact may have been recorded since this notice was looked at: then it is due at once.
        sql = `last_error = $3, next_attempt_at = CASE WHEN EXISTS (
                 SELECT 1 FROM notifications.complainant_contacts c
                  WHERE c.tenant_id = notices.tenant_id AND (c.complaint_id = notices.complaint_id OR c.borrower_id = notices.borrower_id)
               ) THEN now() ELSE $4::timestamptz END`;
        params = [outcome.reason, outcome.until];
        break;
    }
    const updated = await updateReturning<{ id: string }>(
      manager,
      `UPDATE notifications.notices SET ${sql}, lease_until = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status IN ('QUEUED', 'FAILED') RETURNING id`,
      [tenantId, id, ...params],
    );
    if (!updated[0]) return false;
    if (attemptOutcome) {
      // Numbered over the notice's whole life: a dead-lettered notice retried by an administrator keeps its history.
      await manager.query(
        `INSERT INTO notifications.delivery_attempts (tenant_id, notice_id, attempt, attempted_at, outcome, error)
         SELECT $1, $2, COALESCE(MAX(attempt), 0) + 1, $3, $4, $5 FROM notifications.delivery_attempts WHERE tenant_id = $1 AND notice_id = $2`,
        [tenantId, id, now, attemptOutcome, attemptError],
      );
    }
    return true;
  },

  /** Gives back claimed deliveries this instance will not get to (it is stopping), so others take them at once. */
  async releaseLeases(ds: DataSource, keys: { tenant_id: string; id: string }[]): Promise<void> {
    const byTenant = new Map<string, string[]>();
    for (const k of keys) byTenant.set(k.tenant_id, [...(byTenant.get(k.tenant_id) ?? []), k.id]);
    for (const [tenantId, ids] of byTenant) {
      await withTenant(ds, tenantId, (m) =>
        m.query('UPDATE notifications.notices SET lease_until = NULL WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [tenantId, ids]),
      );
    }
  },

  /** An administrator sends a dead-lettered notice again: a fresh set of attempts, due now. */
  async requeue(manager: EntityManager, tenantId: string, id: string, now: Date): Promise<boolean> {
    const rows = await updateReturning(
      manager,
      `UPDATE notifications.notices SET status = 'QUEUED', attempts = 0, next_attempt_at = $3, dead_lettered_at = NULL, lease_until = NULL, updated_at = $3
        WHERE tenant_id = $1 AND id = $2 AND status = 'DEAD_LETTERED' RETURNING id`,
      [tenantId, id, now],
    );
    return rows.length > 0;
  },

  async attemptsOf(manager: EntityManager, tenantId: string, ids: readonly string[]) {
    const rows: { notice_id: string; attempt: number; attempted_at: Date; outcome: string; error: string | null }[] = await manager.query(
      `SELECT notice_id, attempt, attempted_at, outcome, error FROM notifications.delivery_attempts
        WHERE tenant_id = $1 AND notice_id = ANY($2::uuid[]) ORDER BY notice_id, attempt`,
      [tenantId, ids],
    );
    return rows;
  },
};
