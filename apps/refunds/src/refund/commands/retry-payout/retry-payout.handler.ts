import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import type { Payout, Refund } from '../../domain/refund';
import { payoutRepository } from '../../infrastructure/payout.repository';
import { refundRepository } from '../../infrastructure/refund.repository';
import { appendPayoutChanged } from '../shared/refund-events';
import { lockRefund, recordStep } from '../shared/load';

export interface RetryPayoutCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  refundId: string;
}

/**
 * Pays a refund again after its payout failed for good or was reversed. The provider settled the
 * earlier payout (declined or returned it), so a new payout id cannot pay twice; a payout whose
 * outcome is unknown is never retried this way, only by the payout processor with the same id.
 */
export class RetryPayoutHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RetryPayoutCommand): Promise<{ refund: Refund; payout: Payout }> {
    const now = this.now();
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await lockRefund(manager, command.tenantId, command.refundId);
      const latest = await payoutRepository.latestOf(manager, command.tenantId, current.id);
      if (!latest || (latest.state !== 'FAILED' && latest.state !== 'REVERSED')) {
        throw new DomainError(
          'CONFLICT',
          `The refund is ${current.status}${latest ? ` with its payout ${latest.state}` : ''}; a payout is retried only after it FAILED or was REVERSED.`,
          { field: 'input.refundId', currentStatus: current.status, payoutState: latest?.state ?? null },
        );
      }
      const payout: Payout = { ...latest, id: randomUUID(), state: 'PENDING', attempts: 0, nextAttemptAt: now, lastError: null, providerReference: null, createdAt: now, settledAt: null };
      await payoutRepository.insert(manager, payout);
      await refundRepository.setStatus(manager, current.tenantId, current.id, 'APPROVED');
      const refund: Refund = { ...current, status: 'APPROVED', version: current.version + 1 };
      await recordStep(manager, refund, 'retry-payout', current.status, command.actorId, now, `payout ${payout.id} after ${latest.id}`);
      await appendPayoutChanged(this.outbox, manager, refund, payout, { from: null, to: 'PENDING', reason: `retry of payout ${latest.id}`, providerReference: null, at: now }, command.correlationId);
      return { refund, payout };
    });
  }
}
