import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError, requiredText } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import type { Refund } from '../../domain/refund';
import { payoutRepository } from '../../infrastructure/payout.repository';
import { refundRepository } from '../../infrastructure/refund.repository';
import { appendPayoutChanged } from '../shared/refund-events';
import { lockRefund, recordStep } from '../shared/load';

export interface RecordPayoutReversalCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  refundId: string;
  reason: string;
}

/** Records that a paid payout came back (e.g. the borrower's account was closed); the refund may then be paid again. */
export class RecordPayoutReversalHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RecordPayoutReversalCommand): Promise<Refund> {
    const reason = requiredText('input.reason', command.reason, 2_000);
    const now = this.now();
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await lockRefund(manager, command.tenantId, command.refundId);
      const latest = await payoutRepository.latestOf(manager, command.tenantId, current.id);
      if (!latest || latest.state !== 'PAID') {
        throw new DomainError('CONFLICT', `The refund is ${current.status}; only a PAID payout can be reversed.`, {
          field: 'input.refundId',
          currentStatus: current.status,
          payoutState: latest?.state ?? null,
        });
      }
      await payoutRepository.settle(manager, latest, 'REVERSED', now, reason, null);
      await refundRepository.setStatus(manager, current.tenantId, current.id, 'PAYOUT_REVERSED');
      const refund: Refund = { ...current, status: 'PAYOUT_REVERSED', version: current.version + 1 };
      await recordStep(manager, refund, 'record-payout-reversal', current.status, command.actorId, now, reason);
      await appendPayoutChanged(this.outbox, manager, refund, { ...latest, state: 'REVERSED' }, { from: 'PAID', to: 'REVERSED', reason, providerReference: null, at: now }, command.correlationId);
      return refund;
    });
  }
}
