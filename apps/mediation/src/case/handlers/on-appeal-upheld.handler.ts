import { AppealUpheldV1 } from '@redress/contracts';
import { eventHandler, type OutboxWriter } from '@redress/events';
import type { DataSource } from 'typeorm';
import { caseRepository } from '../infrastructure/case.repository';
import { RecordCaseStepHandler } from '../commands/record-case-step/record-case-step.handler';
import { CONCLUDED_STATUSES } from '../domain/mediation-case';

/**
 * An appeal against a mediation result was upheld: the case resumes, exactly once. The inbox
 * drops a redelivered event; a second event for the same appeal finds the appeal already recorded
 * on the case and does nothing. Appeals about complaints or refunds are not ours.
 */
export const onAppealUpheld = (dataSource: DataSource, outbox: OutboxWriter, now: () => Date = () => new Date()) => {
  const steps = new RecordCaseStepHandler(dataSource, outbox, now);
  return eventHandler(AppealUpheldV1, async (event, manager) => {
    const p = event.payload;
    if (p.target.kind !== 'MEDIATION_RESULT') return;
    const [c] = await caseRepository.findByIds(manager, event.tenantId, [p.target.subjectId]);
    if (!c || c.resumedByAppeals.some((r) => r.appealId === p.appealId) || !CONCLUDED_STATUSES.includes(c.status)) return;
    await steps.executeIn(manager, {
      tenantId: event.tenantId,
      actorId: `appeals:${p.appealId}`,
      correlationId: event.correlationId,
      causationId: event.id,
      caseId: c.id,
      expectedVersion: null,
      request: () => ({ action: 'resume', appealId: p.appealId, reasons: p.reasons.slice(0, 4_000) }),
    });
  });
};

