import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ExternalEscalationRecordedV1, ExternalEscalationUpdatedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { appealRepository } from '../../appeal/infrastructure/appeal.repository';
import { relatedMatterRepository } from '../../related-matter/infrastructure/related-matter.repository';
import { updateEscalation, validateEscalation, type EscalationInput, type ExternalEscalation } from '../domain/external-escalation';
import { escalationRepository } from '../infrastructure/escalation.repository';

interface Ctx {
  tenantId: string;
  actorId: string;
  correlationId: string;
}

/** Staff record a matter taken outside the lender, and how it goes on. */
export class EscalationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(command: Ctx & { input: EscalationInput }): Promise<ExternalEscalation> {
    const valid = validateEscalation(command.input, this.now());
    for (const field of ['complaintId', 'appealId'] as const) {
      const id = command.input[field];
      if (id && !isUuid(id)) throw new ValidationError(`input.${field}`, 'is not an id');
    }
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      let borrowerId: string | null = null;
      let complaintId = command.input.complaintId ?? null;
      if (command.input.appealId) {
        const [appeal] = await appealRepository.findByIds(manager, command.tenantId, [command.input.appealId]);
        if (!appeal) throw new DomainError('NOT_FOUND', 'No such appeal', { field: 'input.appealId' });
        borrowerId = appeal.borrowerId;
        complaintId = complaintId ?? appeal.complaintId;
      }
      if (command.input.complaintId) {
        const known = await relatedMatterRepository.knownCases(manager, command.tenantId, [{ caseType: 'COMPLAINT', caseId: command.input.complaintId }]);
        if (!known.size) throw new DomainError('NOT_FOUND', 'No such complaint', { field: 'input.complaintId' });
      }
      const escalation: ExternalEscalation = {
        tenantId: command.tenantId,
        id: randomUUID(),
        ...valid,
        complaintId,
        appealId: command.input.appealId ?? null,
        borrowerId,
        status: 'OPEN',
        outcome: null,
        closedAt: null,
        recordedBy: command.actorId,
        version: 1,
      };
      if (!(await escalationRepository.insertOnce(manager, escalation))) {
        throw new DomainError('CONFLICT', `${valid.institution} reference ${valid.externalReference} is already recorded.`, { field: 'input.externalReference' });
      }
      await this.outbox.append(manager, ExternalEscalationRecordedV1, { ...eventFields(escalation), escalatedAt: escalation.escalatedAt.toISOString() }, this.meta(command, escalation));
      return escalation;
    });
  }

  async update(command: Ctx & { escalationId: string; status: string; outcome: string | null; expectedVersion: number | null }): Promise<ExternalEscalation> {
    if (!isUuid(command.escalationId)) throw new ValidationError('input.escalationId', 'is not an escalation id');
    return withTenant(this.dataSource, command.tenantId, async (manager: EntityManager) => {
      const [current] = await escalationRepository.findByIds(manager, command.tenantId, [command.escalationId]);
      if (!current) throw new DomainError('NOT_FOUND', 'No such escalation', { field: 'input.escalationId' });
      if (command.expectedVersion !== null && command.expectedVersion !== current.version) {
        throw new DomainError('CONFLICT', `The escalation is at version ${current.version} (${current.status}), not ${command.expectedVersion}.`, {
          field: 'input.expectedVersion',
          currentVersion: current.version,
        });
      }
      const at = this.now();
      const next = updateEscalation(current, command.status, command.outcome, at);
      if (!(await escalationRepository.updateIfUnchanged(manager, next, current.version))) {
        throw new DomainError('CONFLICT', 'The escalation was changed by someone else at the same time; reload it.', { field: 'input.escalationId' });
      }
      await this.outbox.append(manager, ExternalEscalationUpdatedV1, { ...eventFields(next), outcome: next.outcome, updatedAt: at.toISOString() }, this.meta(command, next));
      return next;
    });
  }

  private meta(command: Ctx, e: ExternalEscalation) {
    return { tenantId: command.tenantId, aggregateId: e.id, correlationId: command.correlationId };
  }
}

function eventFields(e: ExternalEscalation) {
  return {
    escalationId: e.id,
    route: e.route,
    direction: e.direction,
    institution: e.institution,
    externalReference: e.externalReference,
    complaintId: e.complaintId,
    appealId: e.appealId,
    borrowerId: e.borrowerId,
    status: e.status,
  };
}
