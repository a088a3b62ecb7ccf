import type { DataSource, EntityManager } from 'typeorm';
import { RefundPolicyVersionedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { parseRefundPolicy, type RefundPolicy, type RefundPolicyVersion } from '../../domain/refund-policy';
import { policyRepository } from '../../infrastructure/policy.repository';

export interface UpdateRefundPolicyCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  policy: unknown;
}

/** Validates a policy and writes it as the tenant's next version; requests already made keep theirs. */
export class UpdateRefundPolicyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: UpdateRefundPolicyCommand): Promise<RefundPolicyVersion> {
    const parsed = parseRefundPolicy(command.policy);
    if (!parsed.ok) {
      const first = parsed.problems[0]!;
      throw new ValidationError(`input.${first.path}`, `${first.message}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problems)` : ''}`);
    }
    return withTenant(this.dataSource, command.tenantId, (manager) =>
      appendPolicyVersion(manager, this.outbox, command.tenantId, parsed.policy, command.actorId, this.now(), command.correlationId, null),
    );
  }
}

/** Writes a version and its event in the caller's transaction. */
export async function appendPolicyVersion(
  manager: EntityManager,
  outbox: OutboxWriter,
  tenantId: string,
  policy: RefundPolicy,
  createdBy: string,
  now: Date,
  correlationId: string,
  tenantRevision: number | null,
  causationId: string | null = null,
): Promise<RefundPolicyVersion> {
  const version = await policyRepository.append(manager, tenantId, policy, createdBy, now, tenantRevision);
  await outbox.append(
    manager,
    RefundPolicyVersionedV1,
    { version: version.version, effectiveFrom: version.effectiveFrom.toISOString(), createdBy },
    { tenantId, aggregateId: tenantId, correlationId, causationId },
  );
  return version;
}
