import type { EntityManager } from 'typeorm';
import { nextDailySequence } from '@redress/database';
import { updatedRows } from '../../shared/infrastructure/affected-rows';
import type { AppealableKind, Locale } from '@redress/contracts';
import { isUuid } from '@redress/domain-kit';
import type { Appeal, AppealStatus, AppealTopic, CommitteeSeat, Vote } from '../domain/appeal';
import type { AppealFilter } from '../domain/appeal-filter';

export interface AppealStep {
  id: string;
  tenantId: string;
  appealId: string;
  at: Date;
  action: string;
  fromStatus: AppealStatus | null;
  toStatus: AppealStatus;
  actorId: string;
  note: string | null;
}

type PageKey = { limit: number; after: [string, string] | null };

/**
 * Appeals with their committee seats. Reads join the decision they are about (kind, subject), so an
 * appeal is always shown with what it appeals against. Every method is scoped by tenant.
 */
export const appealRepository = {
  nextReferenceSequence(manager: EntityManager, tenantId: string, day: string): Promise<number> {
    return nextDailySequence(manager, 'appeals', tenantId, day);
  },

  /** Returns false when another open appeal on the same decision got there first (the partial unique index). */
  async insertIfNoOpenAppeal(manager: EntityManager, a: Appeal): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO appeals.appeals (tenant_id, id, reference, decision_id, complaint_id, borrower_id, status, serious, grounds, topic,
         fee_type, requested_remedy, filed_at, filed_by, decision_due_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (tenant_id, decision_id) WHERE status IN ('FILED', 'UNDER_REVIEW', 'IN_COMMITTEE') DO NOTHING RETURNING 1`,
      [a.tenantId, a.id, a.reference, a.decisionId, a.complaintId, a.borrowerId, a.status, a.serious, a.grounds, a.topic, a.feeType, a.requestedRemedy, a.filedAt, a.filedBy, a.decisionDueAt, a.version],
    );
    return rows.length > 0;
  },

  async findOpenByDecision(manager: EntityManager, tenantId: string, decisionId: string): Promise<Appeal | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM appeals.appeals WHERE tenant_id = $1 AND decision_id = $2 AND status IN ('FILED', 'UNDER_REVIEW', 'IN_COMMITTEE')`,
      [tenantId, decisionId],
    );
    return rows[0] ? ((await this.findByIds(manager, tenantId, [rows[0].id]))[0] ?? null) : null;
  },

  /** Saves a step only if nobody changed the appeal since it was read; concurrent steps serialise and all but one lose. */
  async updateIfUnchanged(manager: EntityManager, a: Appeal, readVersion: number): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE appeals.appeals SET status = $3, serious = $4, reviewer_id = $5, outcome = $6, outcome_reasons = $7, decided_by = $8,
         decided_at = $9, withdrawn_reason = $10, version = $11
       WHERE tenant_id = $1 AND id = $2 AND version = $12 RETURNING 1`,
      [a.tenantId, a.id, a.status, a.serious, a.reviewerId, a.outcome, a.outcomeReasons, a.decidedBy, a.decidedAt, a.withdrawnReason, a.version, readVersion],
    );
    return updatedRows(result) === 1;
  },

  async seatCommittee(manager: EntityManager, a: Appeal): Promise<void> {
    for (const seat of a.committee) {
      await manager.query(
        `INSERT INTO appeals.committee_seats (tenant_id, appeal_id, member_id, is_chair) VALUES ($1, $2, $3, $4)`,
        [a.tenantId, a.id, seat.memberId, seat.isChair],
      );
    }
  },

  async recordVote(manager: EntityManager, a: Appeal, seat: CommitteeSeat): Promise<void> {
    await manager.query(
      `UPDATE appeals.committee_seats SET vote = $4, opinion = $5, voted_at = $6
        WHERE tenant_id = $1 AND appeal_id = $2 AND member_id = $3 AND vote IS NULL`,
      [a.tenantId, a.id, seat.memberId, seat.vote, seat.opinion, seat.votedAt],
    );
  },

  async addStep(manager: EntityManager, s: AppealStep): Promise<void> {
    await manager.query(
      `INSERT INTO appeals.appeal_steps (tenant_id, id, appeal_id, at, action, from_status, to_status, actor_id, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [s.tenantId, s.id, s.appealId, s.at, s.action, s.fromStatus, s.toStatus, s.actorId, s.note],
    );
  },

  async stepsOf(manager: EntityManager, tenantId: string, appealIds: readonly string[]): Promise<AppealStep[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM appeals.appeal_steps WHERE tenant_id = $1 AND appeal_id = ANY($2::uuid[]) ORDER BY at, id`,
      [tenantId, appealIds.filter(isUuid)],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      tenantId: r['tenant_id'] as string,
      appealId: r['appeal_id'] as string,
      at: r['at'] as Date,
      action: r['action'] as string,
      fromStatus: (r['from_status'] as AppealStatus | null) ?? null,
      toStatus: r['to_status'] as AppealStatus,
      actorId: r['actor_id'] as string,
      note: (r['note'] as string | null) ?? null,
    }));
  },

  /** Any number of appeals in two queries (the appeals, then every committee seat of them). */
  async findByIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<Appeal[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    return this.hydrate(manager, tenantId, await manager.query(`${SELECT} WHERE a.tenant_id = $1 AND a.id = ANY($2::uuid[])`, [tenantId, valid]));
  },

  /** One page of the tenant's appeals matching the filter, newest first (or the soonest due first). */
  async list(manager: EntityManager, tenantId: string, filter: AppealFilter, page: PageKey): Promise<Appeal[]> {
    const params: unknown[] = [tenantId, page.limit + 1];
    const where = ['a.tenant_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter.statuses) add('a.status = ANY(?::text[])', filter.statuses);
    if (filter.kinds) add('d.kind = ANY(?::text[])', filter.kinds);
    if (filter.serious !== null) add('a.serious = ?', filter.serious);
    if (filter.borrowerId) add('a.borrower_id = ?', filter.borrowerId);
    if (filter.reviewerId) add('a.reviewer_id = ?', filter.reviewerId);
    if (filter.complaintId) add('a.complaint_id = ?::uuid', filter.complaintId);
    if (filter.committeeMemberId) {
      add('EXISTS (SELECT 1 FROM appeals.committee_seats s WHERE s.tenant_id = a.tenant_id AND s.appeal_id = a.id AND s.member_id = ?)', filter.committeeMemberId);
    }
    if (filter.awaitingVoteOf) {
      add(
        'EXISTS (SELECT 1 FROM appeals.committee_seats s WHERE s.tenant_id = a.tenant_id AND s.appeal_id = a.id AND s.member_id = ? AND s.vote IS NULL)',
        filter.awaitingVoteOf,
      );
    }
    if (filter.filedFrom) add('a.filed_at >= ?', filter.filedFrom);
    if (filter.filedTo) add('a.filed_at < ?', filter.filedTo);
    const [column, direction, compare] = filter.order === 'DECISION_DUE_SOONEST_FIRST' ? ['a.decision_due_at', 'ASC', '>'] : ['a.filed_at', 'DESC', '<'];
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(${column}, a.id) ${compare} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${column} ${direction}, a.id ${direction} LIMIT $2`,
      params,
    );
    return this.hydrate(manager, tenantId, rows);
  },

  /** The first page of appeals of many complaints in one query (oldest first within each), for `Complaint.appeals`. */
  async pageByComplaints(manager: EntityManager, tenantId: string, complaintIds: readonly string[], page: PageKey, borrowerId: string | null): Promise<Map<string, Appeal[]>> {
    const params: unknown[] = [tenantId, complaintIds.filter(isUuid), page.limit + 1];
    let extra = '';
    if (borrowerId !== null) {
      params.push(borrowerId);
      extra += ` AND a.borrower_id = $${params.length}`;
    }
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      extra += ` AND (a.filed_at, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM (
         ${SELECT.replace('SELECT a.*,', 'SELECT a.*, row_number() OVER (PARTITION BY a.complaint_id ORDER BY a.filed_at, a.id) AS rn,')}
          WHERE a.tenant_id = $1 AND a.complaint_id = ANY($2::uuid[]) ${extra}
       ) ranked WHERE rn <= $3 ORDER BY filed_at, id`,
      params,
    );
    const appeals = await this.hydrate(manager, tenantId, rows);
    const out = new Map<string, Appeal[]>();
    for (const a of appeals) out.set(a.complaintId!, [...(out.get(a.complaintId!) ?? []), a]);
    return out;
  },

  async hydrate(manager: EntityManager, tenantId: string, rows: Record<string, unknown>[]): Promise<Appeal[]> {
    if (!rows.length) return [];
    const seats: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM appeals.committee_seats WHERE tenant_id = $1 AND appeal_id = ANY($2::uuid[]) ORDER BY is_chair DESC, member_id`,
      [tenantId, rows.map((r) => r['id'])],
    );
    return rows.map((r) => fromRow(r, seats.filter((s) => s['appeal_id'] === r['id'])));
  },
};

const SELECT = `SELECT a.*, d.kind, d.subject_id, d.source_decision_id, d.locale, d.product_name
  FROM appeals.appeals a JOIN appeals.decisions d ON d.tenant_id = a.tenant_id AND d.id = a.decision_id`;

function fromRow(r: Record<string, unknown>, seats: Record<string, unknown>[]): Appeal {
  return {
    tenantId: r['tenant_id'] as string,
    id: r['id'] as string,
    reference: r['reference'] as string,
    decisionId: r['decision_id'] as string,
    kind: r['kind'] as AppealableKind,
    subjectId: r['subject_id'] as string,
    sourceDecisionId: r['source_decision_id'] as string,
    complaintId: (r['complaint_id'] as string | null) ?? null,
    borrowerId: (r['borrower_id'] as string | null) ?? null,
    locale: r['locale'] as Locale,
    status: r['status'] as AppealStatus,
    serious: r['serious'] as boolean,
    grounds: r['grounds'] as string,
    topic: r['topic'] as AppealTopic,
    feeType: (r['fee_type'] as string | null) ?? null,
    requestedRemedy: (r['requested_remedy'] as string | null) ?? null,
    productName: (r['product_name'] as string | null) ?? null,
    filedAt: r['filed_at'] as Date,
    filedBy: r['filed_by'] as string,
    decisionDueAt: r['decision_due_at'] as Date,
    reviewerId: (r['reviewer_id'] as string | null) ?? null,
    committee: seats.map((s) => ({
      memberId: s['member_id'] as string,
      isChair: s['is_chair'] as boolean,
      vote: (s['vote'] as Vote | null) ?? null,
      opinion: (s['opinion'] as string | null) ?? null,
      votedAt: (s['voted_at'] as Date | null) ?? null,
    })),
    outcome: (r['outcome'] as Appeal['outcome']) ?? null,
    outcomeReasons: (r['outcome_reasons'] as string | null) ?? null,
    decidedBy: (r['decided_by'] as string | null) ?? null,
    decidedAt: (r['decided_at'] as Date | null) ?? null,
    withdrawnReason: (r['withdrawn_reason'] as string | null) ?? null,
    version: r['version'] as number,
  };
}
