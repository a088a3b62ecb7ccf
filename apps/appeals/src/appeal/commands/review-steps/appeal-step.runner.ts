import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { AppealableDecision } from '../../../decision/domain/appealable-decision';
import { decisionRepository } from '../../../decision/infrastructure/decision.repository';
import type { AppealPolicy } from '../../../policy/domain/appeal-policy';
import { policyRepository } from '../../../policy/infrastructure/policy.repository';
import type { Appeal } from '../../domain/appeal';
import { appealRepository } from '../../infrastructure/appeal.repository';
import type { AppealCommandContext } from '../appeal-command';

export interface AppealStepCommand extends AppealCommandContext {
  appealId: string;
  expectedVersion: number | null;
}

export interface AppliedStep {
  next: Appeal;
  action: string;
  note: string | null;
  /** Writes what the step adds besides the appeal row, and its event, in the same transaction. */
  persist(manager: EntityManager, next: Appeal, at: Date): Promise<void>;
}

/**
 * One step of an appeal: load it (a borrower's own only), apply the domain rule, save it with
 * optimistic concurrency, record the timeline step and the event — all in one transaction.
 */
export async function runAppealStep(
  dataSource: DataSource,
  command: AppealStepCommand,
  now: Date,
  apply: (appeal: Appeal, decision: AppealableDecision, policy: AppealPolicy) => AppliedStep,
): Promise<Appeal> {
  return withTenant(dataSource, command.tenantId, async (manager) => {
    const [current] = await appealRepository.findByIds(manager, command.tenantId, [command.appealId]);
    if (!current || (command.borrowerScope && current.borrowerId !== command.borrowerScope.borrowerId)) {
      throw new DomainError('NOT_FOUND', 'No such appeal', { field: 'input.appealId' });
    }
    if (command.expectedVersion !== null && command.expectedVersion !== current.version) {
      throw new DomainError('CONFLICT', `The appeal is at version ${current.version} (${current.status}), not ${command.expectedVersion}; reload it.`, {
        field: 'input.expectedVersion',
        currentVersion: current.version,
        currentStatus: current.status,
      });
    }
    const [decision] = await decisionRepository.findByIds(manager, command.tenantId, [current.decisionId]);
    const policy = await policyRepository.get(manager, command.tenantId);
    const step = apply(current, decision!, policy);
    if (!(await appealRepository.updateIfUnchanged(manager, step.next, current.version))) {
      throw new DomainError('CONFLICT', 'The appeal was changed by someone else at the same time; reload it and try again.', { field: 'input.appealId' });
    }
    await appealRepository.addStep(manager, {
      id: randomUUID(),
      tenantId: command.tenantId,
      appealId: current.id,
      at: now,
      action: step.action,
      fromStatus: current.status,
      toStatus: step.next.status,
      actorId: command.actorId,
      note: step.note,
    });
    await step.persist(manager, step.next, now);
    return step.next;
  });
}
