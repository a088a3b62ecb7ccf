import type { DataSource } from 'typeorm';
import { AppealPolicyChangedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import { changePolicy, type AppealPolicy, type AppealPolicyInput } from '../../domain/appeal-policy';
import { policyRepository } from '../../infrastructure/policy.repository';

/** A tenant administrator changes the appeals policy; the change and its event commit together. */
export class UpdatePolicyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: { tenantId: string; actorId: string; correlationId: string; input: AppealPolicyInput }): Promise<AppealPolicy> {
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await policyRepository.getForUpdate(manager, command.tenantId);
      const next = changePolicy(current, command.input);
      await policyRepository.save(manager, next, command.actorId);
      await this.outbox.append(
        manager,
        AppealPolicyChangedV1,
        {
          windowDays: next.windowDays,
          decisionDays: next.decisionDays,
          seriousKinds: next.seriousKinds,
          seriousAmountMinor: next.seriousAmountMinor,
          version: next.version,
          changedBy: command.actorId,
          changedAt: new Date().toISOString(),
        },
        { tenantId: command.tenantId, aggregateId: command.tenantId, correlationId: command.correlationId },
      );
      return next;
    });
  }
}
