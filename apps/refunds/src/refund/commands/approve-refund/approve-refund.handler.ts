import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RefundApprovalRecordedV1, RefundApprovedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError, optionalText } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { formatMoney } from '../../domain/evaluation';
import { decideApproval, type Approver } from '../../domain/four-eyes';
import type { Payout, Refund } from '../../domain/refund';
import { payoutClock } from '../../domain/refund-review';
import { chargeRepository } from '../../infrastructure/charge.repository';
import { payoutRepository } from '../../infrastructure/payout.repository';
import { appendPayoutChanged, meta, refundRef } from '../shared/refund-events';
import { lockRefund, policyOf, recordStep, saveStep } from '../shared/load';

export interface ApproveRefundCommand {
  tenantId: string;
  approver: Approver;
  correlationId: string;
  refundId: string;
  note?: string | null;
  overrideReason?: string | null;
}

/**
 * Records an approval under the four-eyes rule. The approval that completes it commits the amount
 * against the charge (serialised on the charge row: of two approvals that together would exceed
 * it, exactly one wins) and creates the pending payout, all in one transaction with its events.
 */
export class ApproveRefundHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: ApproveRefundCommand): Promise<{ refund: Refund; payout: Payout | null }> {
    const note = optionalText('input.note', command.note, 2_000);
    const overrideReason = optionalText('input.overrideReason', command.overrideReason, 2_000);
    const now = this.now();
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await lockRefund(manager, command.tenantId, command.refundId);
      const policy = await policyOf(manager, current);
      const decision = decideApproval(current, policy.policy, command.approver, note, overrideReason, now);
      const base = { ...current, approvals: decision.approvals, overrideReason: current.overrideReason ?? overrideReason, version: current.version + 1 };
      if (decision.kind === 'needs-another') {
        const refund: Refund = { ...base, status: 'AWAITING_SECOND_APPROVAL' };
        await saveStep(manager, refund, current.version);
        await recordStep(manager, refund, 'approve', current.status, command.approver.actorId, now, note);
        await this.outbox.append(
          manager,
          RefundApprovalRecordedV1,
          {
            ...refundRef(refund),
            approverId: command.approver.actorId,
            approvalsGiven: decision.approvals.length,
            approvalsRequired: decision.required,
            recordedAt: now.toISOString(),
          },
          meta(refund, command.correlationId),
        );
        return { refund, payout: null };
      }
      const charge = await chargeRepository.commit(manager, command.tenantId, current.chargeId!, current.amount);
      if (!charge) {
        const [latest] = await chargeRepository.byIds(manager, command.tenantId, [current.chargeId!]);
        if (latest!.amount.currency !== current.amount.currency) {
          throw new DomainError('CONFLICT', `The refund is in ${current.amount.currency} but the charge ${latest!.reference} is in ${latest!.amount.currency}; it cannot be approved.`, {
            field: 'input.refundId',
            rule: 'AMOUNT_WITHIN_CHARGE',
          });
        }
        throw new DomainError(
          'CONFLICT',
          `Approving ${formatMoney(current.amount)} would take the refunds on charge ${latest!.reference} over its ${formatMoney(latest!.amount)}: ` +
            `${formatMoney({ amountMinor: latest!.committedMinor, currency: latest!.amount.currency })} is already approved.`,
          { field: 'input.refundId', rule: 'NEVER_MORE_THAN_THE_CHARGE', chargeReference: latest!.reference },
        );
      }
      const clock = payoutClock(policy.policy, now);
      const refund: Refund = { ...base, status: 'APPROVED', approvedAt: now, payoutDueAt: clock.dueAt, payoutWarnAt: clock.warnAt };
      await saveStep(manager, refund, current.version);
      await recordStep(manager, refund, 'approve', current.status, command.approver.actorId, now, [note, overrideReason && `override: ${overrideReason}`].filter(Boolean).join('; ') || null);
      const payout: Payout = {
        tenantId: refund.tenantId,
        id: randomUUID(),
        refundId: refund.id,
        amount: refund.amount,
        method: refund.payoutMethod,
        state: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        providerReference: null,
        createdAt: now,
        settledAt: null,
      };
      await payoutRepository.insert(manager, payout);
      await this.outbox.append(
        manager,
        RefundApprovedV1,
        {
          ...refundRef(refund),
          amount: refund.amount,
          approverIds: refund.approvals.map((a) => a.approverId),
          overrideReason: refund.overrideReason,
          payoutId: payout.id,
          payoutMethod: payout.method,
          payoutDueAt: clock.dueAt.toISOString(),
          approvedAt: now.toISOString(),
          locale: refund.locale,
        },
        meta(refund, command.correlationId),
      );
      await appendPayoutChanged(this.outbox, manager, refund, payout, { from: null, to: 'PENDING', reason: null, providerReference: null, at: now }, command.correlationId);
      return { refund, payout };
    });
  }
}
