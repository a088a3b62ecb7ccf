import { APPEALABLE_KINDS, type AppealableKind } from '@redress/contracts';
import { optionalText, ValidationError } from '@redress/domain-kit';
import { APPEAL_STATUSES, type AppealStatus } from './appeal';

export type AppealOrder = 'FILED_NEWEST_FIRST' | 'DECISION_DUE_SOONEST_FIRST';

/** What an appeals desk, a committee member or a borrower narrows the list of appeals by. */
export interface AppealFilter {
  statuses: AppealStatus[] | null;
  kinds: AppealableKind[] | null;
  serious: boolean | null;
  borrowerId: string | null;
  reviewerId: string | null;
  complaintId: string | null;
  committeeMemberId: string | null;
  awaitingVoteOf: string | null;
  filedFrom: Date | null;
  filedTo: Date | null;
  order: AppealOrder;
}

export interface AppealFilterInput {
  statuses?: string[] | null;
  kinds?: string[] | null;
  serious?: boolean | null;
  borrowerId?: string | null;
  reviewerId?: string | null;
  complaintId?: string | null;
  filedFrom?: Date | null;
  filedTo?: Date | null;
}

export function validateAppealFilter(input: AppealFilterInput | null | undefined, order: AppealOrder | null | undefined): AppealFilter {
  const f = input ?? {};
  const filedFrom = f.filedFrom ?? null;
  const filedTo = f.filedTo ?? null;
  if (filedFrom && filedTo && filedFrom > filedTo) throw new ValidationError('filter.filedTo', 'is before filter.filedFrom');
  f.statuses?.forEach((s, i) => {
    if (!(APPEAL_STATUSES as readonly string[]).includes(s)) throw new ValidationError(`filter.statuses.${i}`, `"${s}" is not a status`);
  });
  f.kinds?.forEach((k, i) => {
    if (!(APPEALABLE_KINDS as readonly string[]).includes(k)) throw new ValidationError(`filter.kinds.${i}`, `"${k}" is not a kind of decision`);
  });
  const complaintId = optionalText('filter.complaintId', f.complaintId, 36);
  if (complaintId && !/^[0-9a-f-]{36}$/i.test(complaintId)) throw new ValidationError('filter.complaintId', 'is not a complaint id');
  return {
    statuses: f.statuses?.length ? (f.statuses as AppealStatus[]) : null,
    kinds: f.kinds?.length ? (f.kinds as AppealableKind[]) : null,
    serious: f.serious ?? null,
    borrowerId: optionalText('filter.borrowerId', f.borrowerId, 200),
    reviewerId: optionalText('filter.reviewerId', f.reviewerId, 200),
    complaintId,
    committeeMemberId: null,
    awaitingVoteOf: null,
    filedFrom,
    filedTo,
    order: order ?? 'FILED_NEWEST_FIRST',
  };
}
