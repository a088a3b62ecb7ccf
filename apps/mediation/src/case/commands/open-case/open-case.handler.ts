import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import type { MediationCase } from '../../domain/mediation-case';
import { openByBorrower, openNegotiation, type NegotiationInput, type OpenCaseInput } from '../../domain/open-case';
import { formatReference, referenceDay } from '../../domain/reference-number';
import { caseRepository } from '../../infrastructure/case.repository';
import { registryRepository } from '../../../registry/infrastructure/registry.repository';
import { publishOpened } from '../case-events';

export interface OpenCaseCommand {
  tenantId: string;
  actorId: string;
  /** Set when the caller is a borrower (or acts for exactly one): the case is theirs. */
  callerBorrowerId: string | null;
  correlationId: string;
}

/**
 * Opens a borrower's mediation case or a negotiation request. Input is validated before anything
 * is written; the case and its `MediationCaseOpened` event commit together.
 */
export class OpenCaseHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(command: OpenCaseCommand, input: OpenCaseInput): Promise<MediationCase> {
    const now = this.now();
    const ids = (input.materials ?? []).map(() => randomUUID());
    // Validate first, outside the transaction, with a provisional reference.
    openByBorrower({ id: randomUUID(), tenantId: command.tenantId, reference: 'TJ', actorId: command.actorId, now, materialIds: ids }, input, command.callerBorrowerId);
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const reference = formatReference('MEDIATION', now, await caseRepository.nextReferenceSequence(manager, command.tenantId, `TJ${referenceDay(now)}`));
      const c = openByBorrower({ id: randomUUID(), tenantId: command.tenantId, reference, actorId: command.actorId, now, materialIds: ids }, input, command.callerBorrowerId);
      await caseRepository.insert(manager, c);
      await publishOpened(this.outbox, manager, c, { correlationId: command.correlationId });
      return c;
    });
  }

  async requestNegotiation(command: OpenCaseCommand, input: NegotiationInput): Promise<MediationCase> {
    if (!isUuid(input.specialistId)) throw new ValidationError('input.specialistId', 'is not a mediator id');
    const now = this.now();
    const ids = (input.materials ?? []).map(() => randomUUID());
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const specialist = await registryRepository.candidate(manager, command.tenantId, input.specialistId);
      if (!specialist) throw new DomainError('NOT_FOUND', "No mediator with this id in your lender's registry", { field: 'input.specialistId' });
      // Validation throws before the sequence is drawn or anything is written.
      openNegotiation({ id: randomUUID(), tenantId: command.tenantId, reference: 'XS', actorId: command.actorId, now, materialIds: ids }, input, specialist, command.callerBorrowerId);
      const reference = formatReference('NEGOTIATION', now, await caseRepository.nextReferenceSequence(manager, command.tenantId, `XS${referenceDay(now)}`));
      const c = openNegotiation({ id: randomUUID(), tenantId: command.tenantId, reference, actorId: command.actorId, now, materialIds: ids }, input, specialist, command.callerBorrowerId);
      await caseRepository.insert(manager, c);
      await publishOpened(this.outbox, manager, c, { correlationId: command.correlationId });
      return c;
    });
  }
}
