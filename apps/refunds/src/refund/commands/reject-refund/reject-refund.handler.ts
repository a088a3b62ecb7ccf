import type { DataSource } from 'typeorm';
import { RefundRejectedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import type { Refund } from '../../domain/refund';
import { decideRejection } from '../../domain/refund-review';
import { meta, refundRef } from '../shared/refund-events';
import { lockRefund, recordStep, saveStep } from '../shared/load';

export interface RejectRefundCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  refundId: string;
  reasons: string;
}

/** Rejects a refund with reasons and publishes `RefundRejected` (the borrower may appeal it). */
export class RejectRefundHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RejectRefundCommand): Promise<Refund> {
    const now = this.now();
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await lockRefund(manager, command.tenantId, command.refundId);
      const refund = decideRejection(current, command.actorId, command.reasons, now);
      await saveStep(manager, refund, current.version);
      await recordStep(manager, refund, 'reject', current.status, command.actorId, now, refund.rejection!.reasons);
      await this.outbox.append(
        manager,
        RefundRejectedV1,
        {
          ...refundRef(refund),
          amount: refund.amount,
          reasons: refund.rejection!.reasons,
          reviewerIds: refund.rejection!.reviewerIds,
          rejectedAt: now.toISOString(),
          locale: refund.locale,
        },
        meta(refund, command.correlationId),
      );
      return refund;
    });
  }
}
