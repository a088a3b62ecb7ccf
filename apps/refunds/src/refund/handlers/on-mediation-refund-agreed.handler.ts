import { MediationRefundAgreedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { createRefund, type RefundWriteDeps } from '../commands/shared/create-refund';

/** A mediation agreement includes refunds: one request per entry, exactly once per (agreement, index). */
export function onMediationRefundAgreed(deps: RefundWriteDeps) {
  return eventHandler(MediationRefundAgreedV1, async (event, manager) => {
    const p = event.payload;
    for (const [index, entry] of p.refunds.entries()) {
      if (entry.amount.amountMinor <= 0) continue;
      await createRefund(
        manager,
        deps,
        {
          tenantId: event.tenantId,
          sourceKey: `mediation-agreement:${p.agreementId}:${index}`,
          channel: 'MEDIATION_AGREEMENT',
          borrowerId: p.borrowerId,
          complaintId: p.complaintId,
          charge: { kind: 'reference', reference: entry.chargeReference, feeType: entry.feeType },
          amount: entry.amount,
          reason: (entry.description ?? `调解协议 ${p.reference} 约定的退费`).slice(0, 4_000),
          documents: [],
          circumstances: [],
          payoutMethod: null,
          payoutAccount: null,
          locale: p.locale,
          requestedBy: `mediation-agreement:${p.agreementId}`,
          handlerId: null,
          strict: false,
        },
        new Date(),
        event.correlationId,
        event.id,
      );
    }
  });
}
