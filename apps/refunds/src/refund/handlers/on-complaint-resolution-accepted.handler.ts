import { ComplaintResolutionAcceptedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import type { Logger } from '@redress/logger';
import { createRefund, type RefundWriteDeps } from '../commands/shared/create-refund';

/**
 * The complainant accepted a decision: each REFUND remedy becomes one refund request, exactly once
 * per (decision, remedy index) however often the event is delivered or re-issued. The decision is
 * recorded as made; the policy's verdict tells the reviewer where it departs from the policy.
 */
export function onComplaintResolutionAccepted(deps: RefundWriteDeps, logger: Logger) {
  return eventHandler(ComplaintResolutionAcceptedV1, async (event, manager) => {
    const p = event.payload;
    for (const [index, remedy] of p.remedies.entries()) {
      if (remedy.type !== 'REFUND') continue;
      if (!remedy.amount || remedy.amount.amountMinor <= 0) {
        logger.warn({ complaintId: p.complaintId, decisionId: p.decisionId, index }, 'REFUND remedy without an amount; no refund request made');
        continue;
      }
      await createRefund(
        manager,
        deps,
        {
          tenantId: event.tenantId,
          sourceKey: `complaint-decision:${p.decisionId}:${index}`,
          channel: 'COMPLAINT_DECISION',
          borrowerId: p.borrowerId,
          complaintId: p.complaintId,
          charge: { kind: 'reference', reference: remedy.chargeReference, feeType: remedy.feeType },
          amount: remedy.amount,
          reason: (remedy.description ?? `投诉 ${p.reference} 的处理决定：${p.reasons}`).slice(0, 4_000),
          documents: [],
          circumstances: [],
          payoutMethod: null,
          payoutAccount: null,
          locale: p.locale,
          requestedBy: `complaint-decision:${p.decisionId}`,
          handlerId: p.handlerId,
          strict: false,
        },
        new Date(),
        event.correlationId,
        event.id,
      );
    }
  });
}
