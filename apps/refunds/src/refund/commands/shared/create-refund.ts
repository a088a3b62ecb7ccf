import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RefundRequestedV1, type Locale, type RefundChannel } from '@redress/contracts';
import type { OutboxWriter } from '@redress/events';
import type { PersonalDataCipher } from '@redress/personal-data';
import type { Money } from '@redress/domain-kit';
import type { Circumstance, PayoutMethod } from '../../../policy/domain/refund-policy';
import { policyInForce } from '../../../policy/commands/update-refund-policy/update-refund-policy.handler';
import { evaluate } from '../../domain/evaluation';
import type { Charge, Refund, RefundDocument } from '../../domain/refund';
import { formatRefundReference, referenceDay } from '../../domain/refund-reference';
import { accountHint, checkAmountAgainstCharge, checkChargeAgrees, choosePayoutMethod, type NamedCharge } from '../../domain/refund-request';
import { reviewClock } from '../../domain/refund-review';
import { chargeRepository } from '../../infrastructure/charge.repository';
import { refundRepository } from '../../infrastructure/refund.repository';
import { appendEvaluated, meta, refundRef } from './refund-events';
import { recordStep } from './load';

/** A request from any source, before it is judged. */
export interface RefundDraft {
  tenantId: string;
  sourceKey: string;
  channel: RefundChannel;
  borrowerId: string | null;
  complaintId: string | null;
  /** A charge named in full (borrower channels), or only by reference and fee type (decisions). */
  charge: { kind: 'named'; named: NamedCharge } | { kind: 'reference'; reference: string | null; feeType: string | null };
  amount: Money;
  reason: string;
  documents: RefundDocument[];
  circumstances: Circumstance[];
  payoutMethod: PayoutMethod | null;
  payoutAccount: string | null;
  locale: Locale;
  requestedBy: string;
  handlerId: string | null;
  /**
   * Borrower channels are refused bad input (over the charge, wrong currency, an unoffered payout
   * method); a decision already made elsewhere is recorded and the policy's verdict explains it.
   */
  strict: boolean;
}

export interface RefundWriteDeps {
  outbox: OutboxWriter;
  personalData: PersonalDataCipher;
}

/**
 * Records a refund request once per source key, judged by the policy in force now, with its
 * `RefundRequested` and `RefundEvaluated` events. The same key again returns the first request.
 */
export async function createRefund(
  manager: EntityManager,
  deps: RefundWriteDeps,
  draft: RefundDraft,
  now: Date,
  correlationId: string,
  causationId: string | null = null,
): Promise<{ refund: Refund; created: boolean }> {
  const existing = await refundRepository.bySourceKey(manager, draft.tenantId, draft.sourceKey);
  if (existing) return { refund: existing, created: false };

  const policy = await policyInForce(manager, deps.outbox, draft.tenantId, now, correlationId);
  let charge: Charge | null = null;
  if (draft.charge.kind === 'named') {
    charge = await chargeRepository.recordOrGet(manager, draft.tenantId, randomUUID(), draft.charge.named, draft.requestedBy);
    checkChargeAgrees('input.charge', charge, draft.charge.named);
  } else if (draft.charge.reference) {
    charge = await chargeRepository.byReference(manager, draft.tenantId, draft.charge.reference);
  }
  if (draft.strict && charge) checkAmountAgainstCharge('input.amount', draft.amount, charge);
  const payoutMethod = draft.strict
    ? choosePayoutMethod('input.payoutMethod', draft.payoutMethod, policy.policy)
    : draft.payoutMethod && policy.policy.payoutMethods.includes(draft.payoutMethod)
      ? draft.payoutMethod
      : policy.policy.payoutMethods[0]!;
  const feeType = charge?.feeType ?? (draft.charge.kind === 'reference' ? draft.charge.feeType : null);
  const chargeReference = charge?.reference ?? (draft.charge.kind === 'reference' ? draft.charge.reference : null);
  const evaluation = evaluate(
    policy.policy,
    policy.version,
    { amount: draft.amount, feeType, circumstances: draft.circumstances, requestedAt: now, charge, locale: draft.locale },
    now,
  );
  const clock = reviewClock(policy.policy, now);
  const id = randomUUID();
  const sequence = await refundRepository.nextReferenceSequence(manager, draft.tenantId, referenceDay(now));
  const refund: Refund = {
    tenantId: draft.tenantId,
    id,
    reference: formatRefundReference(now, sequence),
    sourceKey: draft.sourceKey,
    channel: draft.channel,
    status: 'IN_REVIEW',
    borrowerId: draft.borrowerId,
    complaintId: draft.complaintId,
    chargeId: charge?.id ?? null,
    chargeReference,
    feeType,
    amount: draft.amount,
    reason: draft.reason,
    documents: draft.documents,
    circumstances: draft.circumstances,
    payoutMethod,
    payoutAccountSealed: draft.payoutAccount
      ? deps.personalData.seal(draft.payoutAccount, payoutAccountContext(draft.tenantId))
      : null,
    payoutAccountHint: draft.payoutAccount ? accountHint(draft.payoutAccount) : null,
    locale: draft.locale,
    requestedBy: draft.requestedBy,
    handlerId: draft.handlerId,
    policyVersion: policy.version,
    evaluation,
    approvals: [],
    overrideReason: null,
    rejection: null,
    requestedAt: now,
    reviewDueAt: clock.dueAt,
    reviewWarnAt: clock.warnAt,
    approvedAt: null,
    payoutDueAt: null,
    payoutWarnAt: null,
    version: 1,
  };
  if (!(await refundRepository.insertIfNew(manager, refund))) {
    // Another request with the same key committed first: it is the request.
    return { refund: (await refundRepository.bySourceKey(manager, draft.tenantId, draft.sourceKey))!, created: false };
  }
  await recordStep(manager, refund, 'request', null, refund.requestedBy, now, `${refund.channel}; ${refund.evaluation.verdict}`);
  await deps.outbox.append(
    manager,
    RefundRequestedV1,
    {
      ...refundRef(refund),
      channel: refund.channel,
      amount: refund.amount,
      feeType: refund.feeType,
      chargeReference: refund.chargeReference,
      policyVersion: refund.policyVersion,
      reviewDueAt: refund.reviewDueAt.toISOString(),
      requestedAt: refund.requestedAt.toISOString(),
      locale: refund.locale,
    },
    meta(refund, correlationId, causationId),
  );
  await appendEvaluated(deps.outbox, manager, refund, correlationId, causationId);
  return { refund, created: true };
}

export function payoutAccountContext(tenantId: string): string {
  return `refunds:${tenantId}:payout_account`;
}
