import type { AppealableKind, Locale } from '@redress/contracts';
import { DomainError, ValidationError, optionalText, requiredText } from '@redress/domain-kit';
import type { AppealableDecision } from '../../decision/domain/appealable-decision';
import type { AppealPolicy } from '../../policy/domain/appeal-policy';

export const APPEAL_STATUSES = ['FILED', 'UNDER_REVIEW', 'IN_COMMITTEE', 'UPHELD', 'DISMISSED', 'WITHDRAWN'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const OPEN_STATUSES: readonly AppealStatus[] = ['FILED', 'UNDER_REVIEW', 'IN_COMMITTEE'];

export const APPEAL_TOPICS = [
  'INTEREST_FEE_TRANSPARENCY',
  'COLLECTION_CONDUCT',
  'CONTRACT_TERMS',
  'SERVICE_ATTITUDE',
  'REFUND',
  'PRIVACY',
  'FRAUD',
  'OTHER',
] as const;
export type AppealTopic = (typeof APPEAL_TOPICS)[number];

export type Vote = 'UPHOLD' | 'DISMISS';
export type AppealOutcome = 'UPHELD' | 'DISMISSED';

export interface CommitteeSeat {
  memberId: string;
  isChair: boolean;
  vote: Vote | null;
  opinion: string | null;
  votedAt: Date | null;
}

export interface Appeal {
  tenantId: string;
  id: string;
  reference: string;
  decisionId: string;
  kind: AppealableKind;
  subjectId: string;
  sourceDecisionId: string;
  complaintId: string | null;
  borrowerId: string | null;
  locale: Locale;
  status: AppealStatus;
  serious: boolean;
  grounds: string;
  topic: AppealTopic;
  feeType: string | null;
  requestedRemedy: string | null;
  productName: string | null;
  filedAt: Date;
  filedBy: string;
  decisionDueAt: Date;
  reviewerId: string | null;
  committee: CommitteeSeat[];
  outcome: AppealOutcome | null;
  outcomeReasons: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  withdrawnReason: string | null;
  version: number;
}

export interface AppealIntakeInput {
  decisionId: string;
  grounds: string;
  topic: string;
  feeType?: string | null;
  requestedRemedy?: string | null;
}

export interface AppealIntake {
  grounds: string;
  topic: AppealTopic;
  feeType: string | null;
  requestedRemedy: string | null;
}

export function validateAppealIntake(input: AppealIntakeInput): AppealIntake {
  if (!(APPEAL_TOPICS as readonly string[]).includes(input.topic)) throw new ValidationError('input.topic', `"${input.topic}" is not a topic`);
  const feeType = optionalText('input.feeType', input.feeType, 60);
  if (feeType && !/^[A-Z][A-Z0-9_]*$/.test(feeType)) throw new ValidationError('input.feeType', 'must be a fee type code such as SERVICE_FEE');
  return {
    grounds: requiredText('input.grounds', input.grounds, 4_000),
    topic: input.topic as AppealTopic,
    feeType,
    requestedRemedy: optionalText('input.requestedRemedy', input.requestedRemedy, 2_000),
  };
}

/**
 * Serious appeals go to the review committee: those against a kind of decision the tenant names,
 * or about at least the tenant's threshold amount.
 */
export function isSerious(decision: Pick<AppealableDecision, 'kind' | 'amount'>, policy: Pick<AppealPolicy, 'seriousKinds' | 'seriousAmountMinor'>): boolean {
  if (policy.seriousKinds.includes(decision.kind)) return true;
  return policy.seriousAmountMinor !== null && decision.amount !== null && decision.amount.amountMinor >= policy.seriousAmountMinor;
}

/** Independent review: nobody who took part in the original decision reviews the appeal against it. */
export function assertIndependent(field: string, staffId: string, decision: Pick<AppealableDecision, 'deciderIds' | 'kind'>): void {
  if (decision.deciderIds.includes(staffId)) {
    throw new ValidationError(field, `${staffId} took part in the original ${decision.kind} and may not review the appeal against it`);
  }
}

export function isOpen(status: AppealStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

function requireStatus(appeal: Appeal, allowed: readonly AppealStatus[], action: string, to: AppealStatus): void {
  if (!allowed.includes(appeal.status)) {
    throw new DomainError('CONFLICT', `Cannot ${action}: the appeal is ${appeal.status}; only ${allowed.join(' or ')} can become ${to}.`, {
      field: 'input.appealId',
      currentStatus: appeal.status,
      targetStatus: to,
    });
  }
}

export function assignReviewer(appeal: Appeal, decision: AppealableDecision, reviewerId: string): Appeal {
  const id = requiredText('input.reviewerId', reviewerId, 200);
  requireStatus(appeal, ['FILED', 'UNDER_REVIEW'], 'assign a reviewer', 'UNDER_REVIEW');
  if (appeal.serious) {
    throw new DomainError('CONFLICT', 'The appeal is serious: it is decided by the review committee (FILED → IN_COMMITTEE), not a single reviewer (UNDER_REVIEW).', {
      field: 'input.appealId',
      currentStatus: appeal.status,
      targetStatus: 'UNDER_REVIEW',
    });
  }
  assertIndependent('input.reviewerId', id, decision);
  return { ...appeal, status: 'UNDER_REVIEW', reviewerId: id, version: appeal.version + 1 };
}

export function referToCommittee(appeal: Appeal, decision: AppealableDecision, memberIds: string[], chairId: string, minMembers: number): Appeal {
  requireStatus(appeal, ['FILED', 'UNDER_REVIEW'], 'refer the appeal to the committee', 'IN_COMMITTEE');
  const members = [...new Set(memberIds.map((m, i) => requiredText(`input.memberIds.${i}`, m, 200)))];
  if (members.length < minMembers) {
    throw new ValidationError('input.memberIds', `names ${members.length} distinct members; the committee needs at least ${minMembers}`);
  }
  if (members.length > 15) throw new ValidationError('input.memberIds', 'names more than 15 members');
  members.forEach((m, i) => assertIndependent(`input.memberIds.${i}`, m, decision));
  const chair = requiredText('input.chairId', chairId, 200);
  if (!members.includes(chair)) throw new ValidationError('input.chairId', 'must be one of the members');
  return {
    ...appeal,
    status: 'IN_COMMITTEE',
    serious: true,
    reviewerId: null,
    committee: members.map((memberId) => ({ memberId, isChair: memberId === chair, vote: null, opinion: null, votedAt: null })),
    version: appeal.version + 1,
  };
}

export function castVote(appeal: Appeal, memberId: string, vote: Vote, opinion: string | null | undefined, at: Date): Appeal {
  requireStatus(appeal, ['IN_COMMITTEE'], 'vote', 'IN_COMMITTEE');
  const seat = appeal.committee.find((s) => s.memberId === memberId);
  if (!seat) throw new DomainError('FORBIDDEN', 'Only a member of this appeal’s committee may vote on it.', { field: 'input.appealId' });
  if (seat.vote) {
    throw new DomainError('CONFLICT', `${memberId} already voted ${seat.vote} on this appeal; a vote is recorded once.`, {
      field: 'input.vote',
      currentVote: seat.vote,
    });
  }
  const text = optionalText('input.opinion', opinion, 4_000);
  return {
    ...appeal,
    committee: appeal.committee.map((s) => (s === seat ? { ...s, vote, opinion: text, votedAt: at } : s)),
    version: appeal.version + 1,
  };
}

export function tally(appeal: Pick<Appeal, 'committee'>): { uphold: number; dismiss: number; pending: number } {
  const count = (v: Vote | null) => appeal.committee.filter((s) => s.vote === v).length;
  return { uphold: count('UPHOLD'), dismiss: count('DISMISS'), pending: count(null) };
}

/**
 * Decides the appeal: a single review is decided by its assigned reviewer; a committee appeal by
 * its chair, once a majority of the members have voted. Reasons are always given.
 */
export function decide(appeal: Appeal, actorId: string, outcome: AppealOutcome, reasons: string, at: Date): Appeal {
  const text = requiredText('input.reasons', reasons, 4_000);
  requireStatus(appeal, ['UNDER_REVIEW', 'IN_COMMITTEE'], 'decide the appeal', outcome);
  if (appeal.status === 'UNDER_REVIEW' && appeal.reviewerId !== actorId) {
    throw new DomainError('FORBIDDEN', 'Only the reviewer assigned to this appeal may decide it.', { field: 'input.appealId' });
  }
  if (appeal.status === 'IN_COMMITTEE') {
    const chair = appeal.committee.find((s) => s.isChair);
    if (chair?.memberId !== actorId) throw new DomainError('FORBIDDEN', 'Only the chair of the committee may record its decision.', { field: 'input.appealId' });
    const votes = tally(appeal);
    const cast = votes.uphold + votes.dismiss;
    if (cast * 2 <= appeal.committee.length) {
      throw new DomainError('CONFLICT', `The committee has ${cast} of ${appeal.committee.length} votes; a majority must vote before the chair decides.`, {
        field: 'input.appealId',
        votesCast: cast,
        members: appeal.committee.length,
      });
    }
  }
  return { ...appeal, status: outcome, outcome, outcomeReasons: text, decidedBy: actorId, decidedAt: at, version: appeal.version + 1 };
}

export function withdraw(appeal: Appeal, reason: string | null | undefined): Appeal {
  requireStatus(appeal, OPEN_STATUSES, 'withdraw the appeal', 'WITHDRAWN');
  return { ...appeal, status: 'WITHDRAWN', withdrawnReason: optionalText('input.reason', reason, 1_000), version: appeal.version + 1 };
}
