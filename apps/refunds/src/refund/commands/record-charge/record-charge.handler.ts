import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError, ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { evaluate } from '../../domain/evaluation';
import { UNDER_REVIEW, type Refund } from '../../domain/refund';
import { checkAmountAgainstCharge, checkChargeAgrees, validateCharge, type ChargeInput } from '../../domain/refund-request';
import { chargeRepository } from '../../infrastructure/charge.repository';
import { appendEvaluated } from '../shared/refund-events';
import { lockRefund, policyOf, recordStep, saveStep } from '../shared/load';

export interface RecordChargeCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  refundId: string;
  charge: ChargeInput;
}

/**
 * Names the charge of a refund that arrived without one on record (from a complaint decision or a
 * mediation agreement), then judges the request again by the policy version it was made under.
 */
export class RecordChargeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RecordChargeCommand): Promise<Refund> {
    const now = this.now();
    const named = validateCharge('input.charge', command.charge, now);
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await lockRefund(manager, command.tenantId, command.refundId);
      if (current.chargeId !== null || !UNDER_REVIEW.includes(current.status)) {
        throw new DomainError('CONFLICT', `The refund is ${current.status} and ${current.chargeId ? 'has its charge recorded' : 'not under review'}; a charge is recorded only for a refund IN_REVIEW without one.`, {
          field: 'input.refundId',
          currentStatus: current.status,
        });
      }
      if (current.chargeReference && current.chargeReference !== named.reference) {
        throw new ValidationError('input.charge.reference', `the refund is about the charge ${current.chargeReference}`);
      }
      if (current.feeType && current.feeType !== named.feeType) {
        throw new ValidationError('input.charge.feeType', `the refund is about a ${current.feeType}`);
      }
      const charge = await chargeRepository.recordOrGet(manager, command.tenantId, randomUUID(), named, command.actorId);
      checkChargeAgrees('input.charge', charge, named);
      checkAmountAgainstCharge('input.charge.amount', current.amount, charge);
      const policy = await policyOf(manager, current);
      const evaluation = evaluate(
        policy.policy,
        policy.version,
        { amount: current.amount, feeType: charge.feeType, circumstances: current.circumstances, requestedAt: current.requestedAt, charge, locale: current.locale },
        now,
      );
      const refund: Refund = {
        ...current,
        chargeId: charge.id,
        chargeReference: charge.reference,
        feeType: charge.feeType,
        evaluation,
        version: current.version + 1,
      };
      await saveStep(manager, refund, current.version);
      await recordStep(manager, refund, 'record-charge', current.status, command.actorId, now, `${charge.reference}; ${evaluation.verdict}`);
      await appendEvaluated(this.outbox, manager, refund, command.correlationId);
      return refund;
    });
  }
}
