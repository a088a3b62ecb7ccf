import type {
  AppealDismissedPayload,
  AppealUpheldPayload,
  ComplaintDecisionIssuedPayload,
  ComplaintFiledPayload,
  ComplaintStatusChangedPayload,
  Locale,
  MediationConcludedPayload,
  RefundRejectedPayload,
} from '@redress/contracts';
import type { CaseType, NoticeKind } from './notice';
import { appealDeadline, type Facts } from './notice-facts';

/** What one event tells the borrower, before recipients, channels and wording are chosen. */
export interface NoticeDraft {
  kind: NoticeKind;
  caseType: CaseType;
  caseId: string;
  complaintId: string | null;
  reference: string;
  borrowerId: string | null;
  locale: Locale;
  facts: Facts;
}

export function complaintFiledNotice(p: ComplaintFiledPayload): NoticeDraft {
  return {
    ...complaintCase(p),
    borrowerId: null,
    kind: 'COMPLAINT_RECEIVED',
    facts: {
      reference: p.reference,
      productName: p.productName,
      receivedAt: { instant: new Date(p.receivedAt) },
      firstReplyDueAt: { instant: new Date(p.firstReplyDueAt) },
      decisionDueAt: { instant: new Date(p.decisionDueAt) },
    },
  };
}

/**
 * Steps of a complaint's lifecycle the complainant is told of, by action (some keep the status,
 * e.g. an extension or a pause). Internal steps (assignment, review, archiving, a repeat merged into this case) send nothing, nor
 * does proposing a resolution: the decision notice (ComplaintDecisionIssued) tells of it.
 */
const BY_ACTION: Partial<Record<string, NoticeKind>> = {
  accept: 'COMPLAINT_ACCEPTED',
  decline: 'COMPLAINT_NOT_ACCEPTED',
  extendDecision: 'DECISION_EXTENDED',
  pauseClock: 'CLOCK_PAUSED',
  resumeClock: 'CLOCK_RESUMED',
  restartClock: 'CLOCK_RESTARTED',
  rejectResolution: 'INVESTIGATION_CONTINUES',
  carryOut: 'COMPLAINT_RESOLVED',
  close: 'COMPLAINT_CLOSED',
  withdraw: 'COMPLAINT_WITHDRAWN',
  merge: 'COMPLAINT_MERGED',
  reopen: 'COMPLAINT_REOPENED',
};

export function complaintStatusNotice(p: ComplaintStatusChangedPayload, occurredAt: Date): NoticeDraft | null {
  const kind = BY_ACTION[p.action];
  if (!kind) return null;
  return {
    ...complaintCase(p),
    borrowerId: null,
    kind,
    facts: {
      reference: p.reference,
      productName: p.productName,
      decisionDueAt: { instant: new Date(p.decisionDueAt) },
      reason: p.reason ?? '',
      appealDeadline: appealDeadline(occurredAt),
    },
  };
}

export function complaintDecisionNotice(p: ComplaintDecisionIssuedPayload): NoticeDraft {
  return {
    ...complaintCase(p),
    borrowerId: p.borrowerId,
    kind: 'COMPLAINT_DECISION',
    facts: {
      reference: p.reference,
      productName: p.productName,
      outcome: { outcome: p.outcome },
      reasons: p.reasons,
      remedies: { remedies: p.remedies.map((r) => ({ type: r.type, amount: r.amount, description: r.description })) },
      appealDeadline: appealDeadline(new Date(p.issuedAt)),
    },
  };
}

export function refundRejectedNotice(p: RefundRejectedPayload): NoticeDraft {
  return {
    kind: 'REFUND_REJECTED',
    caseType: 'REFUND',
    caseId: p.refundId,
    complaintId: p.complaintId,
    reference: p.reference,
    borrowerId: p.borrowerId,
    locale: p.locale,
    facts: { reference: p.reference, amount: { money: p.amount }, reasons: p.reasons, appealDeadline: appealDeadline(new Date(p.rejectedAt)) },
  };
}

const MEDIATION_KINDS = { AGREEMENT: 'MEDIATION_AGREED', FAILURE: 'MEDIATION_FAILED', WITHDRAWN: 'MEDIATION_WITHDRAWN' } as const;

export function mediationConcludedNotice(p: MediationConcludedPayload): NoticeDraft {
  return {
    kind: MEDIATION_KINDS[p.outcome],
    caseType: 'MEDIATION',
    caseId: p.caseId,
    complaintId: p.complaintId,
    reference: p.reference,
    borrowerId: p.borrowerId,
    locale: p.locale,
    facts: { reference: p.reference, summary: p.summary, externalRoutes: { externalRoutes: true } },
  };
}

export function appealDecidedNotice(p: AppealUpheldPayload | AppealDismissedPayload, upheld: boolean): NoticeDraft {
  return {
    kind: upheld ? 'APPEAL_UPHELD' : 'APPEAL_DISMISSED',
    caseType: 'APPEAL',
    caseId: p.appealId,
    complaintId: p.target.kind === 'COMPLAINT_DECISION' ? p.target.subjectId : null,
    reference: p.reference,
    borrowerId: p.borrowerId,
    locale: p.locale,
    facts: { reference: p.reference, reasons: p.reasons, externalRoutes: { externalRoutes: true } },
  };
}

function complaintCase(p: { complaintId: string; reference: string; locale: Locale }) {
  return { caseType: 'COMPLAINT' as const, caseId: p.complaintId, complaintId: p.complaintId, reference: p.reference, locale: p.locale };
}
