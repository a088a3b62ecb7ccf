import type { Locale, RefundChannel } from '@redress/contracts';
import type { Circumstance, PayoutMethod } from '../../policy/domain/refund-policy';
import type { Evaluation } from '../domain/evaluation';
import type { Approval, Payout, Refund, RefundDocument, RefundStatus } from '../domain/refund';

/** A row of `refunds.refunds` as pg returns it (bigints as strings, jsonb parsed). */
export interface RefundRow {
  tenant_id: string;
  id: string;
  reference: string;
  source_key: string;
  channel: string;
  status: string;
  borrower_id: string | null;
  complaint_id: string | null;
  charge_id: string | null;
  charge_reference: string | null;
  fee_type: string | null;
  amount_minor: string;
  currency: string;
  reason: string;
  documents: RefundDocument[];
  circumstances: string[];
  payout_method: string;
  payout_account_sealed: string | null;
  payout_account_hint: string | null;
  locale: string;
  requested_by: string;
  handler_id: string | null;
  policy_version: number;
  evaluation: Omit<Evaluation, 'evaluatedAt'> & { evaluatedAt: string };
  approvals: (Omit<Approval, 'at'> & { at: string })[];
  override_reason: string | null;
  rejection: { reasons: string; reviewerIds: string[]; at: string } | null;
  requested_at: Date;
  review_due_at: Date;
  review_warn_at: Date;
  approved_at: Date | null;
  payout_due_at: Date | null;
  payout_warn_at: Date | null;
  version: number;
}

export const REFUND_COLUMNS = [
  'tenant_id', 'id', 'reference', 'source_key', 'channel', 'status', 'borrower_id', 'complaint_id', 'charge_id', 'charge_reference',
  'fee_type', 'amount_minor', 'currency', 'reason', 'documents', 'circumstances', 'payout_method', 'payout_account_sealed',
  'payout_account_hint', 'locale', 'requested_by', 'handler_id', 'policy_version', 'evaluation', 'approvals', 'override_reason',
  'rejection', 'requested_at', 'review_due_at', 'review_warn_at', 'approved_at', 'payout_due_at', 'payout_warn_at', 'version',
] as const;

export function refundToParams(r: Refund): unknown[] {
  return [
    r.tenantId, r.id, r.reference, r.sourceKey, r.channel, r.status, r.borrowerId, r.complaintId, r.chargeId, r.chargeReference,
    r.feeType, r.amount.amountMinor, r.amount.currency, r.reason, JSON.stringify(r.documents), r.circumstances, r.payoutMethod,
    r.payoutAccountSealed, r.payoutAccountHint, r.locale, r.requestedBy, r.handlerId, r.policyVersion, JSON.stringify(r.evaluation),
    JSON.stringify(r.approvals), r.overrideReason, r.rejection ? JSON.stringify(r.rejection) : null, r.requestedAt, r.reviewDueAt,
    r.reviewWarnAt, r.approvedAt, r.payoutDueAt, r.payoutWarnAt, r.version,
  ];
}

export function refundFromRow(r: RefundRow): Refund {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    reference: r.reference,
    sourceKey: r.source_key,
    channel: r.channel as RefundChannel,
    status: r.status as RefundStatus,
    borrowerId: r.borrower_id,
    complaintId: r.complaint_id,
    chargeId: r.charge_id,
    chargeReference: r.charge_reference,
    feeType: r.fee_type,
    amount: { amountMinor: Number(r.amount_minor), currency: r.currency.trim() },
    reason: r.reason,
    documents: r.documents,
    circumstances: r.circumstances as Circumstance[],
    payoutMethod: r.payout_method as PayoutMethod,
    payoutAccountSealed: r.payout_account_sealed,
    payoutAccountHint: r.payout_account_hint,
    locale: r.locale as Locale,
    requestedBy: r.requested_by,
    handlerId: r.handler_id,
    policyVersion: r.policy_version,
    evaluation: { ...r.evaluation, evaluatedAt: new Date(r.evaluation.evaluatedAt) },
    approvals: r.approvals.map((a) => ({ ...a, at: new Date(a.at) })),
    overrideReason: r.override_reason,
    rejection: r.rejection ? { ...r.rejection, at: new Date(r.rejection.at) } : null,
    requestedAt: r.requested_at,
    reviewDueAt: r.review_due_at,
    reviewWarnAt: r.review_warn_at,
    approvedAt: r.approved_at,
    payoutDueAt: r.payout_due_at,
    payoutWarnAt: r.payout_warn_at,
    version: r.version,
  };
}

export interface PayoutRow {
  tenant_id: string;
  id: string;
  refund_id: string;
  amount_minor: string;
  currency: string;
  method: string;
  state: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  provider_reference: string | null;
  created_at: Date;
  settled_at: Date | null;
}

export function payoutFromRow(r: PayoutRow): Payout {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    refundId: r.refund_id,
    amount: { amountMinor: Number(r.amount_minor), currency: r.currency.trim() },
    method: r.method as PayoutMethod,
    state: r.state as Payout['state'],
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    providerReference: r.provider_reference,
    createdAt: r.created_at,
    settledAt: r.settled_at,
  };
}
