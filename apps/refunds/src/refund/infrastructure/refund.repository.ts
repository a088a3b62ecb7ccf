import type { EntityManager } from 'typeorm';
import { nextDailySequence } from '@redress/database';
import { isUuid } from '@redress/domain-kit';
import type { Refund, RefundStep } from '../domain/refund';
import type { RefundFilter } from '../domain/refund-filter';
import { REFUND_COLUMNS, refundFromRow, refundToParams, type RefundRow } from './refund.rows';

const COLUMN_LIST = REFUND_COLUMNS.join(', ');
const PLACEHOLDERS = REFUND_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
/** The columns a review or payout step may change; what was requested stays as requested. */
const MUTABLE = [
  'status', 'charge_id', 'charge_reference', 'fee_type', 'evaluation', 'approvals', 'override_reason', 'rejection', 'review_due_at', 'review_warn_at',
  'approved_at', 'payout_due_at', 'payout_warn_at', 'version',
] as const;

export interface RefundPage {
  limit: number;
  after: [string, string] | null;
}

/** Data access for refund requests. Every method takes the tenant explicitly: scoping in code, RLS in the database. */
export const refundRepository = {
  nextReferenceSequence(manager: EntityManager, tenantId: string, day: string): Promise<number> {
    return nextDailySequence(manager, 'refunds', tenantId, day);
  },

  /**
   * Inserts the request unless one with the same source key (idempotency key, or decision and
   * remedy index) exists. A concurrent insert with the same key waits for the first to commit and
   * then does nothing, so exactly one request exists per key. Returns whether this one was new.
   */
  async insertIfNew(manager: EntityManager, refund: Refund): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO refunds.refunds (${COLUMN_LIST}) VALUES (${PLACEHOLDERS}) ON CONFLICT (tenant_id, source_key) DO NOTHING RETURNING id`,
      refundToParams(refund),
    );
    return rows.length === 1;
  },

  async bySourceKey(manager: EntityManager, tenantId: string, sourceKey: string): Promise<Refund | null> {
    const rows: RefundRow[] = await manager.query(`SELECT * FROM refunds.refunds WHERE tenant_id = $1 AND source_key = $2`, [tenantId, sourceKey]);
    return rows[0] ? refundFromRow(rows[0]) : null;
  },

  /** One query for any number of ids (the DataLoader batch); ids that are not UUIDs match nothing. */
  async findByIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<Refund[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: RefundRow[] = await manager.query(`SELECT * FROM refunds.refunds WHERE tenant_id = $1 AND id = ANY($2)`, [tenantId, valid]);
    return rows.map(refundFromRow);
  },

  /** Reads a refund for a change, holding its row until the transaction ends: steps on one refund take turns. */
  async lock(manager: EntityManager, tenantId: string, id: string): Promise<Refund | null> {
    if (!isUuid(id)) return null;
    const rows: RefundRow[] = await manager.query(`SELECT * FROM refunds.refunds WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return rows[0] ? refundFromRow(rows[0]) : null;
  },

  /** Saves a step; the version check catches a writer that did not lock the row first. */
  async update(manager: EntityManager, refund: Refund, readVersion: number): Promise<boolean> {
    const params = refundToParams(refund);
    const sets = MUTABLE.map((c, i) => `${c} = $${i + 4}`).join(', ');
    const values = MUTABLE.map((c) => params[REFUND_COLUMNS.indexOf(c)]);
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE refunds.refunds SET ${sets}, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND version = $3`,
      [refund.tenantId, refund.id, readVersion, ...values],
    );
    return count === 1;
  },

  /** Sets only the status (payout progress), bumping the version. */
  async setStatus(manager: EntityManager, tenantId: string, id: string, status: Refund['status']): Promise<void> {
    await manager.query(`UPDATE refunds.refunds SET status = $3, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      status,
    ]);
  },

  async addStep(manager: EntityManager, s: RefundStep): Promise<void> {
    await manager.query(
      `INSERT INTO refunds.refund_steps (tenant_id, id, refund_id, at, action, from_status, to_status, actor_id, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [s.tenantId, s.id, s.refundId, s.at, s.action, s.fromStatus, s.toStatus, s.actorId, s.note],
    );
  },

  /** The timelines of many refunds in one query, oldest step first. */
  async stepsOf(manager: EntityManager, tenantId: string, refundIds: readonly string[]): Promise<RefundStep[]> {
    const rows: { tenant_id: string; id: string; refund_id: string; at: Date; action: string; from_status: string | null; to_status: string; actor_id: string; note: string | null }[] =
      await manager.query(`SELECT * FROM refunds.refund_steps WHERE tenant_id = $1 AND refund_id = ANY($2) ORDER BY at, id`, [tenantId, refundIds.filter(isUuid)]);
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      id: r.id,
      refundId: r.refund_id,
      at: r.at,
      action: r.action,
      fromStatus: r.from_status as RefundStep['fromStatus'],
      toStatus: r.to_status as RefundStep['toStatus'],
      actorId: r.actor_id,
      note: r.note,
    }));
  },

  /** One page of the tenant's refunds matching the filter, newest first, keyset-paginated on (requested_at, id). */
  async list(manager: EntityManager, tenantId: string, filter: RefundFilter, page: RefundPage): Promise<Refund[]> {
    const where = ['tenant_id = $1'];
    const params: unknown[] = [tenantId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.statuses) add('status = ANY(?)', filter.statuses);
    if (filter.channels) add('channel = ANY(?)', filter.channels);
    if (filter.feeTypes) add('fee_type = ANY(?)', filter.feeTypes);
    if (filter.complaintId) add('complaint_id = ?', filter.complaintId);
    if (filter.borrowerId) add('borrower_id = ?', filter.borrowerId);
    if (filter.chargeReference) add('charge_reference = ?', filter.chargeReference);
    if (filter.requestedFrom) add('requested_at >= ?', filter.requestedFrom);
    if (filter.requestedTo) add('requested_at < ?', filter.requestedTo);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(requested_at, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(page.limit + 1);
    const rows: RefundRow[] = await manager.query(
      `SELECT * FROM refunds.refunds WHERE ${where.join(' AND ')} ORDER BY requested_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(refundFromRow);
  },

  /** The first page of refunds of many complaints in one query (for `Complaint.refunds` on `_entities`). */
  async pageByComplaints(
    manager: EntityManager,
    tenantId: string,
    complaintIds: readonly string[],
    page: RefundPage,
    borrowerId: string | null,
  ): Promise<Map<string, Refund[]>> {
    const ids = complaintIds.filter(isUuid);
    const out = new Map<string, Refund[]>();
    if (ids.length === 0) return out;
    const params: unknown[] = [tenantId, ids, page.limit + 1];
    let extra = '';
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      extra += ` AND (requested_at, id) < ($4, $5)`;
    }
    if (borrowerId !== null) {
      params.push(borrowerId);
      extra += ` AND borrower_id = $${params.length}`;
    }
    const rows: (RefundRow & { n: string })[] = await manager.query(
      `SELECT * FROM (
         SELECT r.*, row_number() OVER (PARTITION BY complaint_id ORDER BY requested_at DESC, id DESC) AS n
           FROM refunds.refunds r WHERE tenant_id = $1 AND complaint_id = ANY($2)${extra}
       ) ranked WHERE n <= $3 ORDER BY complaint_id, requested_at DESC, id DESC`,
      params,
    );
    for (const row of rows) {
      const list = out.get(row.complaint_id!) ?? [];
      list.push(refundFromRow(row));
      out.set(row.complaint_id!, list);
    }
    return out;
  },
};
