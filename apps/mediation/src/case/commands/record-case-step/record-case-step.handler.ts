import type { DataSource, EntityManager } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { applyStep, type CaseStepRequest } from '../../domain/case-steps';
import type { MediationCase } from '../../domain/mediation-case';
import { caseRepository } from '../../infrastructure/case.repository';
import { publishStep, type EventMeta } from '../case-events';

export interface RecordCaseStepCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  causationId?: string | null;
  caseId: string;
  expectedVersion: number | null;
  /**
   * Builds the step once the case is loaded (an assignment looks the mediator up, an answer
   * checks the borrower): may refuse with FORBIDDEN or NOT_FOUND before anything changes.
   */
  request: (current: MediationCase, manager: EntityManager) => Promise<CaseStepRequest> | CaseStepRequest;
}

/** Applies one step to a case with optimistic concurrency: the case and its events commit together, or not at all. */
export class RecordCaseStepHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RecordCaseStepCommand): Promise<MediationCase> {
    return withTenant(this.dataSource, command.tenantId, (manager) => this.executeIn(manager, command));
  }

  /** The same inside a caller's transaction (an event handler's, next to its inbox row). */
  async executeIn(manager: EntityManager, command: RecordCaseStepCommand): Promise<MediationCase> {
    const [current] = await caseRepository.findByIds(manager, command.tenantId, [command.caseId], true);
    if (!current) throw new DomainError('NOT_FOUND', 'No such mediation case', { field: 'input.caseId' });
    if (command.expectedVersion !== null && command.expectedVersion !== current.version) {
      throw new DomainError('CONFLICT', `The case is at version ${current.version} (${current.status}), not ${command.expectedVersion}; reload it and try again.`, {
        field: 'input.expectedVersion',
        currentVersion: current.version,
        currentStatus: current.status,
      });
    }
    const request = await command.request(current, manager);
    const { case: next, step } = applyStep(current, request, command.actorId, this.now());
    await caseRepository.update(manager, next, current.version);
    const meta: EventMeta = { correlationId: command.correlationId, causationId: command.causationId ?? null };
    await publishStep(this.outbox, manager, next, step, request, meta);
    return next;
  }
}
