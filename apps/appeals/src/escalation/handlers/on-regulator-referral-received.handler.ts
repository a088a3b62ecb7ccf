import { randomUUID } from 'node:crypto';
import { ExternalEscalationRecordedV1, RegulatorReferralReceivedV1 } from '@redress/contracts';
import { eventHandler, type OutboxWriter } from '@redress/events';
import type { ExternalEscalation } from '../domain/external-escalation';
import { escalationRepository } from '../infrastructure/escalation.repository';

/**
 * A regulator referred a borrower's complaint (e.g. from the 12378 hotline) and the complaints
 * service opened or linked the complaint: recorded as an inbound regulator escalation of that
 * complaint, once per regulator reference however often it arrives.
 */
export function onRegulatorReferralReceived(outbox: OutboxWriter) {
  return eventHandler(RegulatorReferralReceivedV1, async (event, manager) => {
    const p = event.payload;
    const escalation: ExternalEscalation = {
      tenantId: event.tenantId,
      id: randomUUID(),
      route: 'REGULATOR',
      direction: 'INBOUND',
      institution: p.regulator,
      externalReference: p.regulatorReference,
      complaintId: p.complaintId,
      appealId: null,
      borrowerId: p.borrowerId,
      escalatedAt: new Date(p.receivedAt),
      status: 'OPEN',
      outcome: null,
      closedAt: null,
      recordedBy: 'complaints-service',
      version: 1,
    };
    if (!(await escalationRepository.insertOnce(manager, escalation))) return;
    await outbox.append(
      manager,
      ExternalEscalationRecordedV1,
      {
        escalationId: escalation.id,
        route: escalation.route,
        direction: escalation.direction,
        institution: escalation.institution,
        externalReference: escalation.externalReference,
        complaintId: escalation.complaintId,
        appealId: null,
        borrowerId: escalation.borrowerId,
        status: escalation.status,
        escalatedAt: escalation.escalatedAt.toISOString(),
      },
      { tenantId: event.tenantId, aggregateId: escalation.id, correlationId: event.correlationId, causationId: event.id },
    );
  });
}
