import type { EntityManager } from 'typeorm';
import type { AppealableKind, Locale } from '@redress/contracts';
import { isUuid } from '@redress/domain-kit';
import type { AppealableDecision } from '../domain/appealable-decision';

export interface DecisionFilter {
  borrowerId: string | null;
  kind: AppealableKind | null;
  subjectId: string | null;
  complaintId: string | null;
}

/** Decisions learnt from other services' events. Every method is scoped by tenant; RLS does the same below. */
export const decisionRepository = {
  /** Records a decision unless the same one (kind, owning id, receipt) is already known. Returns whether it was new. */
  async insertOnce(manager: EntityManager, d: AppealableDecision): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO appeals.decisions (tenant_id, id, kind, subject_id, subject_reference, source_decision_id, complaint_id, borrower_id,
         product_name, issue, outcome, summary, amount_minor, currency, decider_ids, received_at, locale, learnt_at, window_last_day, window_closes_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       ON CONFLICT ON CONSTRAINT decisions_once DO NOTHING RETURNING 1`,
      [
        d.tenantId,
        d.id,
        d.kind,
        d.subjectId,
        d.subjectReference,
        d.sourceDecisionId,
        d.complaintId,
        d.borrowerId,
        d.productName,
        d.issue,
        d.outcome,
        d.summary,
        d.amount?.amountMinor ?? null,
        d.amount?.currency ?? null,
        d.deciderIds,
        d.receivedAt,
        d.locale,
        d.learntAt,
        d.announcedWindow.lastDay,
        d.announcedWindow.closesAt,
      ],
    );
    return rows.length > 0;
  },

  async findByIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<AppealableDecision[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows: Record<string, unknown>[] = await manager.query("SELECT *, to_char(window_last_day, 'YYYY-MM-DD') AS window_last_day FROM appeals.decisions WHERE tenant_id = $1 AND id = ANY($2::uuid[])", [tenantId, valid]);
    return rows.map(fromRow);
  },

  async list(manager: EntityManager, tenantId: string, filter: DecisionFilter, page: { limit: number; after: [string, string] | null }): Promise<AppealableDecision[]> {
    const params: unknown[] = [tenantId, page.limit + 1];
    const where = ['tenant_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.borrowerId) add('borrower_id = ?', filter.borrowerId);
    if (filter.kind) add('kind = ?', filter.kind);
    if (filter.subjectId) add('subject_id = ?::uuid', filter.subjectId);
    if (filter.complaintId) add('complaint_id = ?::uuid', filter.complaintId);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(received_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT *, to_char(window_last_day, 'YYYY-MM-DD') AS window_last_day FROM appeals.decisions WHERE ${where.join(' AND ')} ORDER BY received_at DESC, id DESC LIMIT $2`,
      params,
    );
    return rows.map(fromRow);
  },
};

function fromRow(r: Record<string, unknown>): AppealableDecision {
  return {
    tenantId: r['tenant_id'] as string,
    id: r['id'] as string,
    kind: r['kind'] as AppealableKind,
    subjectId: r['subject_id'] as string,
    subjectReference: r['subject_reference'] as string,
    sourceDecisionId: r['source_decision_id'] as string,
    complaintId: (r['complaint_id'] as string | null) ?? null,
    borrowerId: (r['borrower_id'] as string | null) ?? null,
    productName: (r['product_name'] as string | null) ?? null,
    issue: (r['issue'] as string | null) ?? null,
    outcome: r['outcome'] as string,
    summary: r['summary'] as string,
    amount: r['amount_minor'] === null ? null : { amountMinor: Number(r['amount_minor']), currency: (r['currency'] as string).trim() },
    deciderIds: r['decider_ids'] as string[],
    receivedAt: r['received_at'] as Date,
    announcedWindow: { lastDay: r['window_last_day'] as string, closesAt: r['window_closes_at'] as Date },
    locale: r['locale'] as Locale,
    learntAt: r['learnt_at'] as Date,
  };
}
