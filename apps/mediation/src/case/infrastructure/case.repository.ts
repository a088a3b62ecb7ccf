import type { EntityManager } from 'typeorm';
import { nextDailySequence } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { Page } from '@redress/graphql-kit';
import { currentAssignment, pendingProposal, type MediationCase } from '../domain/mediation-case';
import type { CaseFilter } from '../domain/case-filter';

interface CaseRow {
  document: Record<string, unknown>;
  version: number;
}

const d = (v: unknown): Date => new Date(v as string);
const dn = (v: unknown): Date | null => (v == null ? null : new Date(v as string));
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** JSON keeps instants as strings; these are the fields that are instants. */
function revive(doc: Doc, version: number): MediationCase {
  return {
    ...doc,
    openedAt: d(doc['openedAt']),
    acceptanceDueAt: dn(doc['acceptanceDueAt']),
    caseDueAt: dn(doc['caseDueAt']),
    specialistReplyDueAt: dn(doc['specialistReplyDueAt']),
    specialistRepliedAt: dn(doc['specialistRepliedAt']),
    materials: doc['materials'].map((m: Doc) => ({ ...m, addedAt: d(m['addedAt']) })),
    hardship: doc['hardship'] ? { ...doc['hardship'], recordedAt: d(doc['hardship'].recordedAt) } : null,
    review: doc['review'] ? { ...doc['review'], at: d(doc['review'].at) } : null,
    assignments: doc['assignments'].map((a: Doc) => ({ ...a, assignedAt: d(a['assignedAt']), endedAt: dn(a['endedAt']) })),
    sessions: doc['sessions'].map((s: Doc) => ({ ...s, scheduledAt: d(s['scheduledAt']), heldAt: dn(s['heldAt']) })),
    proposals: doc['proposals'].map((p: Doc) => ({
      ...p,
      proposedAt: d(p['proposedAt']),
      replyDueAt: d(p['replyDueAt']),
      comments: p['comments'].map((c: Doc) => ({ ...c, at: d(c['at']) })),
      answer: p['answer'] ? { ...p['answer'], at: d(p['answer'].at) } : null,
    })),
    agreement: doc['agreement'] ? reviveAgreement(doc['agreement']) : null,
    supersededAgreements: doc['supersededAgreements'].map(reviveAgreement),
    outcome: doc['outcome'] ? { ...doc['outcome'], at: d(doc['outcome'].at) } : null,
    resumedByAppeals: doc['resumedByAppeals'].map((r: Doc) => ({ ...r, at: d(r['at']) })),
    timeline: doc['timeline'].map((s: Doc) => ({ ...s, at: d(s['at']) })),
    version,
  } as MediationCase;
}

function reviveAgreement(a: Doc) {
  return {
    ...a,
    agreedAt: d(a['agreedAt']),
    terms: a['terms'].map((t: Doc) => ({ ...t, carriedOut: t['carriedOut'] ? { ...t['carriedOut'], at: d(t['carriedOut'].at) } : null })),
  };
}

function columns(c: MediationCase): unknown[] {
  const pending = pendingProposal(c);
  return [
    c.status,
    c.borrowerId,
    currentAssignment(c)?.mediatorId ?? null,
    c.acceptanceDueAt,
    c.caseDueAt,
    pending?.replyDueAt ?? null,
    c.specialistRepliedAt ? null : c.specialistReplyDueAt,
    JSON.stringify({ ...c, version: undefined }),
    c.version,
  ];
}

/** Thin SQL over `mediation.cases`; every statement names the tenant, and RLS checks it again. */
export const caseRepository = {
  nextReferenceSequence(manager: EntityManager, tenantId: string, day: string): Promise<number> {
    return nextDailySequence(manager, 'mediation', tenantId, day);
  },

  /** Inserts a case; returns false when its referral already opened one (nothing is written). */
  async insert(manager: EntityManager, c: MediationCase): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO mediation.cases (status, borrower_id, mediator_id, acceptance_due_at, case_due_at, reply_due_at, specialist_reply_due_at, document, version,
                                    tenant_id, id, reference, kind, origin, complaint_id, referral_decision_id, referral_remedy_index, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT (tenant_id, referral_decision_id, referral_remedy_index) DO NOTHING
       RETURNING 1`,
      [...columns(c), c.tenantId, c.id, c.reference, c.kind, c.origin, c.complaintId, c.referral?.decisionId ?? null, c.referral?.remedyIndex ?? null, c.openedAt],
    );
    return rows.length === 1;
  },

  /** Writes the case if nobody changed it since `expectedVersion` was read. */
  async update(manager: EntityManager, c: MediationCase, expectedVersion: number): Promise<void> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE mediation.cases SET status = $1, borrower_id = $2, mediator_id = $3, acceptance_due_at = $4, case_due_at = $5, reply_due_at = $6,
              specialist_reply_due_at = $7, document = $8, version = $9, updated_at = now()
        WHERE tenant_id = $10 AND id = $11 AND version = $12`,
      [...columns(c), c.tenantId, c.id, expectedVersion],
    );
    if (affected !== 1) {
      throw new DomainError('CONFLICT', 'The case was changed by someone else at the same time; reload it and try again.', { caseId: c.id });
    }
  },

  async findByIds(manager: EntityManager, tenantId: string, ids: readonly string[], forUpdate = false): Promise<MediationCase[]> {
    if (ids.length === 0) return [];
    const rows: CaseRow[] = await manager.query(
      `SELECT document, version FROM mediation.cases WHERE tenant_id = $1 AND id = ANY($2::uuid[])${forUpdate ? ' FOR UPDATE' : ''}`,
      [tenantId, ids],
    );
    return rows.map((r) => revive(r.document, r.version));
  },

  /** The cases a complaint referred, newest first, for many complaints at once. */
  async byComplaints(manager: EntityManager, tenantId: string, complaintIds: readonly string[]): Promise<MediationCase[]> {
    const rows: CaseRow[] = await manager.query(
      `SELECT document, version FROM mediation.cases WHERE tenant_id = $1 AND complaint_id = ANY($2::uuid[]) ORDER BY opened_at DESC, id DESC`,
      [tenantId, complaintIds],
    );
    return rows.map((r) => revive(r.document, r.version));
  },

  async list(manager: EntityManager, tenantId: string, filter: CaseFilter, page: Page<[string, string]>): Promise<MediationCase[]> {
    const where = ['tenant_id = $1'];
    const params: unknown[] = [tenantId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.statuses.length) add('status = ANY(?::text[])', filter.statuses);
    if (filter.kind) add('kind = ?', filter.kind);
    if (filter.origin) add('origin = ?', filter.origin);
    if (filter.mediatorId) add('mediator_id = ?', filter.mediatorId);
    if (filter.borrowerId) add('borrower_id = ?', filter.borrowerId);
    if (filter.complaintId) add('complaint_id = ?', filter.complaintId);
    if (filter.openedFrom) add('opened_at >= ?', filter.openedFrom);
    if (filter.openedBefore) add('opened_at < ?', filter.openedBefore);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(opened_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.limit + 1);
    const rows: CaseRow[] = await manager.query(
      `SELECT document, version FROM mediation.cases WHERE ${where.join(' AND ')} ORDER BY opened_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => revive(r.document, r.version));
  },
};
