import type { DataSource } from 'typeorm';
import { ComplaintStatusChangedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import type { Complaint } from '../../domain/complaint';
import { applyTransition } from '../../domain/complaint-transition';
import { complaintRepository } from '../../infrastructure/complaint.repository';
import type { TransitionComplaintCommand } from './transition-complaint.command';

/**
 * Applies a lifecycle step with optimistic concurrency: the complaint, its timeline step and the
 * `ComplaintStatusChanged` event are written in one transaction, or not at all.
 */
export class TransitionComplaintHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: TransitionComplaintCommand): Promise<Complaint> {
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const [current] = await complaintRepository.findByIds(manager, command.tenantId, [command.complaintId]);
      if (!current) throw new DomainError('NOT_FOUND', 'No such complaint', { field: 'input.complaintId' });
      if (command.expectedVersion !== null && command.expectedVersion !== current.version) {
        throw staleVersion(current, command.expectedVersion);
      }
      const { complaint, step } = applyTransition(current, command.request, command.actorId, this.now());
      if (!(await complaintRepository.updateIfUnchanged(manager, complaint, current.version))) {
        throw new DomainError('CONFLICT', 'The complaint was changed by someone else at the same time; reload it and try again.', {
          complaintId: current.id,
        });
      }
      await complaintRepository.addStep(manager, step);
      await this.outbox.append(
        manager,
        ComplaintStatusChangedV1,
        {
          complaintId: complaint.id,
          reference: complaint.reference,
          action: step.action,
          fromStatus: step.fromStatus!,
          toStatus: step.toStatus,
          reason: step.action === 'decline' || step.action === 'withdraw' ? step.note : null,
          productName: complaint.productName,
          decisionDueAt: complaint.decisionDueAt.toISOString(),
          locale: complaint.complainant.locale,
          version: complaint.version,
        },
        { tenantId: command.tenantId, aggregateId: complaint.id, correlationId: command.correlationId },
      );
      return complaint;
    });
  }
}

function staleVersion(current: Complaint, expected: number): DomainError {
  return new DomainError(
    'CONFLICT',
    `The complaint is at version ${current.version} (${current.status}), not ${expected}; reload it and try again.`,
    { field: 'input.expectedVersion', currentVersion: current.version, currentStatus: current.status },
  );
}
