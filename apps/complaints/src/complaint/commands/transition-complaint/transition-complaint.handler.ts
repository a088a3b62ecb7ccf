import type { DataSource, EntityManager } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { Complaint } from '../../domain/complaint';
import { isOpen } from '../../domain/complaint-lifecycle';
import { applyTransition, type TransitionRequest } from '../../domain/complaint-transition';
import type { ComplaintEvents } from '../../events/complaint-events';
import { caseFileRepository } from '../../infrastructure/case-file.repository';
import type { ComplaintRepository } from '../../infrastructure/complaint.repository';
import type { TransitionComplaintCommand } from './transition-complaint.command';

const NOT_FOUND = (field: string) => new DomainError('NOT_FOUND', 'No such complaint', { field });

/**
 * Applies a lifecycle step with optimistic concurrency: the complaint, its timeline step, the audit
 * entry and the step's events are written in one transaction, or not at all.
 */
export class TransitionComplaintHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly events: ComplaintEvents,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: TransitionComplaintCommand): Promise<Complaint> {
    return withTenant(this.dataSource, command.tenantId, (manager) => this.executeIn(manager, command));
  }

  /** The step inside a transaction the caller holds (event handlers combine it with their inbox row). */
  async executeIn(manager: EntityManager, command: TransitionComplaintCommand): Promise<Complaint> {
    const [current] = await this.complaints.findByIds(manager, command.tenantId, [command.complaintId]);
    if (!current) throw NOT_FOUND('input.complaintId');
    if (command.expectedVersion !== null && command.expectedVersion !== current.version) {
      throw staleVersion(current, command.expectedVersion);
    }
    const now = this.now();
    let target: Complaint | null = null;
    let request: TransitionRequest;
    if (command.request.action === 'merge') {
      [target = null] = await this.complaints.findByIds(manager, command.tenantId, [command.request.intoComplaintId]);
      if (!target) throw NOT_FOUND('input.intoComplaintId');
      if (target.id !== current.id && !isOpen(target.status)) {
        throw new DomainError('CONFLICT', `Cannot merge into ${target.reference}: it is ${target.status}, not open.`, {
          field: 'input.intoComplaintId',
          currentStatus: target.status,
        });
      }
      request = { action: 'merge', intoComplaintId: target.id, intoReference: target.reference };
    } else {
      request = command.request;
    }
    const { complaint, step } = applyTransition(current, request, command.actorId, now);
    await this.save(manager, command, current, complaint, step);
    if (target && request.action === 'merge') {
      const merged = applyTransition(target, { action: 'mergeRepeat', repeatReference: current.reference }, command.actorId, now);
      await this.save(manager, command, target, merged.complaint, merged.step);
    }
    return complaint;
  }

  private async save(
    manager: EntityManager,
    command: TransitionComplaintCommand,
    before: Complaint,
    after: Complaint,
    step: ReturnType<typeof applyTransition>['step'],
  ): Promise<void> {
    if (!(await this.complaints.updateIfUnchanged(manager, after, before.version))) {
      throw new DomainError('CONFLICT', 'The complaint was changed by someone else at the same time; reload it and try again.', {
        complaintId: before.id,
      });
    }
    await this.complaints.addStep(manager, step);
    await caseFileRepository.audit(manager, {
      tenantId: command.tenantId,
      actorId: command.actorId,
      roles: command.roles,
      action: `step:${step.action}`,
      complaintId: after.id,
      detail: { from: step.fromStatus, to: step.toStatus, version: after.version },
    });
    const reviewerIds =
      step.action === 'proposeResolution' || step.action === 'acceptResolution'
        ? (await this.complaints.stepsOf(manager, command.tenantId, [after.id])).filter((s) => s.action === 'completeReview').map((s) => s.actorId)
        : [];
    await this.events.stepTaken(manager, after, step, command.correlationId, reviewerIds);
  }
}

function staleVersion(current: Complaint, expected: number): DomainError {
  return new DomainError(
    'CONFLICT',
    `The complaint is at version ${current.version} (${current.status}), not ${expected}; reload it and try again.`,
    { field: 'input.expectedVersion', currentVersion: current.version, currentStatus: current.status },
  );
}
