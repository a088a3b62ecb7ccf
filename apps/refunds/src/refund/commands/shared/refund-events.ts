import type { EntityManager } from 'typeorm';
import { RefundEvaluatedV1, RefundPayoutStateChangedV1, type PayoutState } from '@redress/contracts';
import type { OutboxWriter } from '@redress/events';
import type { Payout, Refund } from '../../domain/refund';

/** The fields every refund event starts with. */
export function refundRef(r: Refund) {
  return { refundId: r.id, reference: r.reference, complaintId: r.complaintId, borrowerId: r.borrowerId };
}

export function meta(r: Refund, correlationId: string, causationId: string | null = null) {
  return { tenantId: r.tenantId, aggregateId: r.id, correlationId, causationId };
}

export async function appendEvaluated(outbox: OutboxWriter, manager: EntityManager, r: Refund, correlationId: string, causationId: string | null = null) {
  await outbox.append(
    manager,
    RefundEvaluatedV1,
    {
      ...refundRef(r),
      verdict: r.evaluation.verdict,
      policyVersion: r.evaluation.policyVersion,
      failedRules: r.evaluation.lines.filter((l) => l.outcome === 'FAILED').map((l) => l.rule),
      evaluatedAt: r.evaluation.evaluatedAt.toISOString(),
    },
    meta(r, correlationId, causationId),
  );
}

export async function appendPayoutChanged(
  outbox: OutboxWriter,
  manager: EntityManager,
  r: Refund,
  p: Payout,
  change: { from: PayoutState | null; to: PayoutState; reason: string | null; providerReference: string | null; at: Date },
  correlationId: string,
) {
  await outbox.append(
    manager,
    RefundPayoutStateChangedV1,
    {
      ...refundRef(r),
      payoutId: p.id,
      amount: p.amount,
      method: p.method,
      fromState: change.from,
      toState: change.to,
      attempts: p.attempts,
      providerReference: change.providerReference ?? p.providerReference,
      reason: change.reason,
      changedAt: change.at.toISOString(),
      locale: r.locale,
    },
    meta(r, correlationId),
  );
}
