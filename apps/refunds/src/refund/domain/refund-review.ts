import { DomainError, requiredText } from '@redress/domain-kit';
import type { RefundPolicy } from '../../policy/domain/refund-policy';
import { UNDER_REVIEW, type Refund } from './refund';

const HOUR = 3_600_000;

/** The review clock starts when the request is made (or sent back to review) and runs the policy's hours. */
export function reviewClock(policy: RefundPolicy, from: Date): { dueAt: Date; warnAt: Date } {
  const dueAt = new Date(from.getTime() + policy.reviewWithinHours * HOUR);
  return { dueAt, warnAt: new Date(dueAt.getTime() - policy.warningHours * HOUR) };
}

/** The payout clock starts at approval. */
export function payoutClock(policy: RefundPolicy, from: Date): { dueAt: Date; warnAt: Date } {
  const dueAt = new Date(from.getTime() + policy.payoutWithinHours * HOUR);
  return { dueAt, warnAt: new Date(dueAt.getTime() - policy.warningHours * HOUR) };
}

/** A rejection states its reasons; the requester may reject (a borrower withdrawing is not modelled). */
export function decideRejection(refund: Refund, reviewerId: string, reasons: string, now: Date): Refund {
  if (!UNDER_REVIEW.includes(refund.status)) {
    throw new DomainError('CONFLICT', `The refund is ${refund.status}; it can be rejected only while IN_REVIEW or AWAITING_SECOND_APPROVAL.`, {
      field: 'input.refundId',
      currentStatus: refund.status,
    });
  }
  const text = requiredText('input.reasons', reasons, 4_000);
  const reviewerIds = [...new Set([...refund.approvals.map((a) => a.approverId), reviewerId])];
  return { ...refund, status: 'REJECTED', rejection: { reasons: text, reviewerIds, at: now }, version: refund.version + 1 };
}

/** An upheld appeal sends a rejected refund back to review, with a fresh clock and no approvals. */
export function returnToReview(refund: Refund, policy: RefundPolicy, now: Date): Refund | null {
  if (refund.status !== 'REJECTED') return null;
  const clock = reviewClock(policy, now);
  return {
    ...refund,
    status: 'IN_REVIEW',
    approvals: [],
    rejection: null,
    reviewDueAt: clock.dueAt,
    reviewWarnAt: clock.warnAt,
    version: refund.version + 1,
  };
}
