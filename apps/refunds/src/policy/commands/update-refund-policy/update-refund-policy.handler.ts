import type { DataSource, EntityManager } from 'typeorm';
import { RefundPolicyVersionedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { DEFAULT_REFUND_POLICY, parseRefundPolicy, type RefundPolicy, type RefundPolicyVersion } from '../../domain/refund-policy';
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

/**
 * The version in force. A tenant whose onboarding named no policy yet (or whose onboarding event
 * has not arrived) gets the default as its first version, with its event, the first time one is
 * needed; writers of one tenant's policy take turns, so only one such version is ever made.
 */
export async function policyInForce(manager: EntityManager, outbox: OutboxWriter, tenantId: string, now: Date, correlationId: string): Promise<RefundPolicyVersion> {
  const current = await policyRepository.current(manager, tenantId);
  if (current) return current;
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`refund-policy:${tenantId}`]);
  return (await policyRepository.current(manager, tenantId)) ?? appendPolicyVersion(manager, outbox, tenantId, DEFAULT_REFUND_POLICY, 'default-policy', now, correlationId, null);
}
