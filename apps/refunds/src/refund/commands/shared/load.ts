import type { EntityManager } from 'typeorm';
import { DomainError } from '@redress/domain-kit';
import type { RefundPolicyVersion } from '../../../policy/domain/refund-policy';
import { policyRepository } from '../../../policy/infrastructure/policy.repository';
import { randomUUID } from 'node:crypto';
import type { Refund, RefundStatus } from '../../domain/refund';
import { refundRepository } from '../../infrastructure/refund.repository';

/** Locks the refund for a step; a missing one and another tenant's look the same. */
export async function lockRefund(manager: EntityManager, tenantId: string, refundId: string): Promise<Refund> {
  const refund = await refundRepository.lock(manager, tenantId, refundId);
  if (!refund) throw new DomainError('NOT_FOUND', 'No such refund', { field: 'input.refundId' });
  return refund;
}

/** The policy version the request is judged by: the one in force when it was made. */
export async function policyOf(manager: EntityManager, refund: Refund): Promise<RefundPolicyVersion> {
  const [policy] = await policyRepository.byVersions(manager, refund.tenantId, [refund.policyVersion]);
  return policy!;
}

/** Saves a step on a locked refund; a lost update here is a bug, not a user error. */
export async function saveStep(manager: EntityManager, refund: Refund, readVersion: number): Promise<void> {
  if (!(await refundRepository.update(manager, refund, readVersion))) {
    throw new Error(`refund ${refund.id} changed under its row lock`);
  }
}

/** Appends a step to the refund's timeline, in the transaction of the change it records. */
export async function recordStep(
  manager: EntityManager,
  refund: Refund,
  action: string,
  fromStatus: RefundStatus | null,
  actorId: string,
  at: Date,
  note: string | null = null,
): Promise<void> {
  await refundRepository.addStep(manager, { tenantId: refund.tenantId, id: randomUUID(), refundId: refund.id, at, action, fromStatus, toStatus: refund.status, actorId, note });
}
