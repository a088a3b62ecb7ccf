import type { Locale, PayoutState, RefundChannel } from '@redress/contracts';
import type { Money } from '@redress/domain-kit';
import type { Circumstance, PayoutMethod } from '../../policy/domain/refund-policy';
import type { Evaluation } from './evaluation';

/**
 * Where a refund stands. After approval it follows its latest payout: APPROVED while the payout is
 * pending, then PAID, PAYOUT_FAILED or PAYOUT_REVERSED.
 */
export const REFUND_STATUSES = [
  'IN_REVIEW',
  'AWAITING_SECOND_APPROVAL',
  'REJECTED',
  'APPROVED',
  'PAID',
  'PAYOUT_FAILED',
  'PAYOUT_REVERSED',
] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Statuses in which the review clock runs. */
export const UNDER_REVIEW: readonly RefundStatus[] = ['IN_REVIEW', 'AWAITING_SECOND_APPROVAL'];

/**
 * The lender's charge a refund is about. The platform does not hold the loan ledger: the first
 * request that names a charge records it (from the lender's systems, by staff or the partner app),
 * and every later request on the same reference must agree with it.
 */
export interface Charge {
  tenantId: string;
  id: string;
  reference: string;
  feeType: string;
  amount: Money;
  chargedAt: Date;
  contractNumber: string | null;
  /** What approved refunds have committed against it; never more than `amount` (a database constraint). */
  committedMinor: number;
  recordedBy: string;
}

/** A document the borrower or staff attached to a request (the file itself is kept by the caller's system). */
export interface RefundDocument {
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface Approval {
  approverId: string;
  at: Date;
  note: string | null;
  /** Whether the approver held the second-approval permission when approving. */
  asSupervisor: boolean;
}

export interface Refund {
  tenantId: string;
  id: string;
  reference: string;
  sourceKey: string;
  channel: RefundChannel;
  status: RefundStatus;
  borrowerId: string | null;
  complaintId: string | null;
  chargeId: string | null;
  /** The charge the request named when it is not recorded yet (automatic requests). */
  chargeReference: string | null;
  feeType: string | null;
  amount: Money;
  reason: string;
  documents: RefundDocument[];
  circumstances: Circumstance[];
  payoutMethod: PayoutMethod;
  /** Sealed; only the last four characters are ever shown. */
  payoutAccountSealed: string | null;
  payoutAccountHint: string | null;
  locale: Locale;
  requestedBy: string;
  /** The staff member handling the borrower's case (for a complaint's refund, its handler). */
  handlerId: string | null;
  policyVersion: number;
  evaluation: Evaluation;
  approvals: Approval[];
  overrideReason: string | null;
  rejection: { reasons: string; reviewerIds: string[]; at: Date } | null;
  requestedAt: Date;
  reviewDueAt: Date;
  reviewWarnAt: Date;
  approvedAt: Date | null;
  payoutDueAt: Date | null;
  payoutWarnAt: Date | null;
  version: number;
}

/** One step of a refund's timeline: what was done, by whom, and the status it left. */
export interface RefundStep {
  tenantId: string;
  id: string;
  refundId: string;
  at: Date;
  action: string;
  fromStatus: RefundStatus | null;
  toStatus: RefundStatus;
  actorId: string;
  note: string | null;
}

/** One attempt to pay a refund out; its id is the idempotency key at the provider. */
export interface Payout {
  tenantId: string;
  id: string;
  refundId: string;
  amount: Money;
  method: PayoutMethod;
  state: PayoutState;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  providerReference: string | null;
  createdAt: Date;
  settledAt: Date | null;
}
