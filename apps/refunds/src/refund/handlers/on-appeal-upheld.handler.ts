import { AppealUpheldV1, RefundReturnedToReviewV1 } from '@redress/contracts';
import { eventHandler, type OutboxWriter } from '@redress/events';
import type { Logger } from '@redress/logger';
import { returnToReview } from '../domain/refund-review';
import { refundRepository } from '../infrastructure/refund.repository';
import { meta, refundRef } from '../commands/shared/refund-events';
import { policyOf, recordStep, saveStep } from '../commands/shared/load';

/**
 * An appeal against a refund rejection was upheld: the refund goes back to review, once per appeal
 * (the appeal is recorded with the return, so a re-issued event does nothing more).
 */
export function onAppealUpheld(outbox: OutboxWriter, logger: Logger) {
  return eventHandler(AppealUpheldV1, async (event, manager) => {
    const p = event.payload;
    if (p.target.kind !== 'REFUND_REJECTION') return;
    const done: unknown[] = await manager.query(`SELECT 1 FROM refunds.appeal_returns WHERE tenant_id = $1 AND appeal_id = $2`, [event.tenantId, p.appealId]);
    if (done.length) return;
    const current = await refundRepository.lock(manager, event.tenantId, p.target.subjectId);
    if (!current) {
      logger.warn({ appealId: p.appealId, refundId: p.target.subjectId }, 'upheld appeal names no refund of this tenant; nothing to do');
      return;
    }
    const now = new Date();
    const refund = returnToReview(current, (await policyOf(manager, current)).policy, now);
    if (!refund) {
      logger.warn({ appealId: p.appealId, refundId: current.id, status: current.status }, 'upheld appeal on a refund that is not rejected; nothing to do');
      return;
    }
    await saveStep(manager, refund, current.version);
    await recordStep(manager, refund, 'return-to-review', current.status, `appeal:${p.appealId}`, now, p.reasons);
    await manager.query(`INSERT INTO refunds.appeal_returns (tenant_id, appeal_id, refund_id, returned_at) VALUES ($1, $2, $3, $4)`, [
      event.tenantId,
      p.appealId,
      refund.id,
      now,
    ]);
    await outbox.append(
      manager,
      RefundReturnedToReviewV1,
      { ...refundRef(refund), appealId: p.appealId, reviewDueAt: refund.reviewDueAt.toISOString(), returnedAt: now.toISOString() },
      meta(refund, event.correlationId, event.id),
    );
  });
}
