import { DomainError, ValidationError, type Money } from '@redress/domain-kit';
import type { RefundPolicy } from '../../policy/domain/refund-policy';
import { UNDER_REVIEW, type Approval, type Refund } from './refund';

/** Two approvers above the tenant's threshold, and always when the refund is in another currency than the threshold. */
export function approvalsRequired(policy: RefundPolicy, amount: Money): 1 | 2 {
  const threshold = policy.secondApprovalAbove;
  if (amount.currency !== threshold.currency) return 2;
  return amount.amountMinor > threshold.amountMinor ? 2 : 1;
}

export interface Approver {
  actorId: string;
  /** Holds the permission for the second approval of a refund above the threshold (supervisors). */
  maySecondApprove: boolean;
}

export type ApprovalDecision =
  | { kind: 'needs-another'; approvals: Approval[]; required: number }
  | { kind: 'approved'; approvals: Approval[]; required: number };

/**
 * The four-eyes rule. Nobody approves a refund they requested; nobody approves it twice; above the
 * threshold two different people approve and one of them holds the second-approval permission;
 * and the borrower's own handler never approves alone, whatever the amount. An ineligible request
 * is approved only with a stated reason for overriding the policy.
 */
export function decideApproval(
  refund: Refund,
  policy: RefundPolicy,
  approver: Approver,
  note: string | null,
  overrideReason: string | null,
  now: Date,
): ApprovalDecision {
  if (!UNDER_REVIEW.includes(refund.status)) {
    throw new DomainError('CONFLICT', `The refund is ${refund.status}; it can be approved only while IN_REVIEW or AWAITING_SECOND_APPROVAL.`, {
      field: 'input.refundId',
      currentStatus: refund.status,
    });
  }
  if (approver.actorId === refund.requestedBy) {
    throw new DomainError('FORBIDDEN', 'You requested this refund: a different person must approve it.', { field: 'input.refundId', rule: 'REQUESTER_MAY_NOT_APPROVE' });
  }
  if (refund.approvals.some((a) => a.approverId === approver.actorId)) {
    throw new DomainError('FORBIDDEN', 'You have already approved this refund: the second approval must come from a different approver.', {
      field: 'input.refundId',
      rule: 'SAME_APPROVER_TWICE',
    });
  }
  if (refund.evaluation.lines.some((l) => l.rule === 'CHARGE_RECORDED' && l.outcome === 'FAILED')) {
    throw new DomainError('CONFLICT', 'The charge this refund is about is not recorded yet: record it before approving.', {
      field: 'input.refundId',
      rule: 'CHARGE_RECORDED',
    });
  }
  if (refund.evaluation.verdict === 'INELIGIBLE' && !overrideReason && !refund.overrideReason) {
    const failed = refund.evaluation.lines.filter((l) => l.outcome === 'FAILED').map((l) => l.rule);
    throw new ValidationError('input.overrideReason', `the policy finds this request ineligible (${failed.join(', ')}); say why it is approved anyway`);
  }
  const approvals = [...refund.approvals, { approverId: approver.actorId, at: now, note, asSupervisor: approver.maySecondApprove }];
  const byThreshold = approvalsRequired(policy, refund.amount);
  const onlyHandler = refund.handlerId !== null && approvals.every((a) => a.approverId === refund.handlerId);
  const required = Math.max(byThreshold, onlyHandler ? 2 : 1);
  if (approvals.length < required) return { kind: 'needs-another', approvals, required };
  if (byThreshold === 2 && !approvals.some((a) => a.asSupervisor)) {
    // Above the threshold one of the two approvals comes from someone who may give it (a supervisor).
    throw new DomainError('FORBIDDEN', 'Above the second-approval threshold, one of the two approvals must come from a supervisor.', {
      field: 'input.refundId',
      rule: 'SECOND_APPROVER_ROLE',
    });
  }
  return { kind: 'approved', approvals, required };
}
