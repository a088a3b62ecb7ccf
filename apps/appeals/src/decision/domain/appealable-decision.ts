import type { AppealableKind, Locale } from '@redress/contracts';
import type { Money } from '@redress/domain-kit';

/**
 * A decision a borrower may appeal, as learnt from the owning service's event: what it was about,
 * whose it is, who decided it (none of them may review the appeal) and when the borrower received
 * it (the appeal window runs from then).
 */
export interface AppealableDecision {
  tenantId: string;
  id: string;
  kind: AppealableKind;
  /** The complaint, refund or mediation case the decision is on. */
  subjectId: string;
  subjectReference: string;
  /** The owning service's decision id (complaint decisions), else the subject id. */
  sourceDecisionId: string;
  complaintId: string | null;
  borrowerId: string | null;
  productName: string | null;
  /** Fee type the decision is about, when known (refund remedies): groups related matters. */
  issue: string | null;
  /** UPHELD / PARTLY_UPHELD / NOT_UPHELD, REJECTED, AGREEMENT / FAILURE. */
  outcome: string;
  summary: string;
  amount: Money | null;
  /** Handler, approvers, reviewers or mediators of the original decision. */
  deciderIds: string[];
  receivedAt: Date;
  /** The window as announced when the decision was learnt (`AppealableDecisionRecorded`). */
  announcedWindow: { lastDay: string; closesAt: Date };
  locale: Locale;
  learntAt: Date;
}
