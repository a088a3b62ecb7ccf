import type { EntityManager } from 'typeorm';
import type { PayoutState } from '@redress/contracts';
import type { Payout } from '../domain/refund';
import { payoutFromRow, type PayoutRow } from './refund.rows';

/** Payouts of approved refunds. */
export const payoutRepository = {
  async insert(manager: EntityManager, p: Payout): Promise<void> {
    await manager.query(
      `INSERT INTO refunds.payouts (tenant_id, id, refund_id, amount_minor, currency, method, state, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [p.tenantId, p.id, p.refundId, p.amount.amountMinor, p.amount.currency, p.method, p.state, p.attempts, p.nextAttemptAt, p.createdAt],
    );
  },

  async ofRefunds(manager: EntityManager, tenantId: string, refundIds: readonly string[]): Promise<Payout[]> {
    if (refundIds.length === 0) return [];
    const rows: PayoutRow[] = await manager.query(
      `SELECT * FROM refunds.payouts WHERE tenant_id = $1 AND refund_id = ANY($2) ORDER BY created_at, id`,
      [tenantId, [...new Set(refundIds)]],
    );
    return rows.map(payoutFromRow);
  },

  async lock(manager: EntityManager, tenantId: string, id: string): Promise<Payout | null> {
    const rows: PayoutRow[] = await manager.query(`SELECT * FROM refunds.payouts WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return rows[0] ? payoutFromRow(rows[0]) : null;
  },

  /** The refund's latest payout, locked. */
  async latestOf(manager: EntityManager, tenantId: string, refundId: string): Promise<Payout | null> {
    const rows: PayoutRow[] = await manager.query(
      `SELECT * FROM refunds.payouts WHERE tenant_id = $1 AND refund_id = $2 ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`,
      [tenantId, refundId],
    );
    return rows[0] ? payoutFromRow(rows[0]) : null;
  },

  /**
   * Takes a due payout for one attempt: counts the attempt and pushes its next time out by the
   * lease, so another worker does not call the provider for it meanwhile (and if one did, the
   * provider's idempotency on the payout id would still pay once). Null when not due any more.
   */
  async claim(manager: EntityManager, tenantId: string, id: string, now: Date, leaseUntil: Date): Promise<Payout | null> {
    const [rows]: [PayoutRow[], number] = await manager.query(
      `UPDATE refunds.payouts SET attempts = attempts + 1, next_attempt_at = $4, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND state = 'PENDING' AND next_attempt_at <= $3 RETURNING *`,
      [tenantId, id, now, leaseUntil],
    );
    return rows[0] ? payoutFromRow(rows[0]) : null;
  },

  async settle(manager: EntityManager, p: Payout, state: PayoutState, at: Date, reason: string | null, providerReference: string | null): Promise<void> {
    await manager.query(
      `UPDATE refunds.payouts SET state = $3, settled_at = $4, last_error = COALESCE($5, last_error),
              provider_reference = COALESCE($6, provider_reference), next_attempt_at = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [p.tenantId, p.id, state, at, reason, providerReference],
    );
  },

  async reschedule(manager: EntityManager, p: Payout, nextAttemptAt: Date, lastError: string | null, providerReference: string | null): Promise<void> {
    await manager.query(
      `UPDATE refunds.payouts SET next_attempt_at = $3, last_error = $4, provider_reference = COALESCE($5, provider_reference), updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND state = 'PENDING'`,
      [p.tenantId, p.id, nextAttemptAt, lastError, providerReference],
    );
  },
};
