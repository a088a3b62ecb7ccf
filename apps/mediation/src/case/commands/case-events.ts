import type { EntityManager } from 'typeorm';
import {
  MediationCaseOpenedV1,
  MediationCaseStepRecordedV1,
  MediationConcludedV1,
  MediationProposalMadeV1,
  MediationRefundAgreedV1,
} from '@redress/contracts';
import type { OutboxWriter } from '@redress/events';
import { currentAssignment, type CaseStep, type MediationCase } from '../domain/mediation-case';
import type { CaseStepRequest } from '../domain/case-steps';

export interface EventMeta {
  correlationId: string;
  causationId?: string | null;
}

const mediatorIdsOf = (c: MediationCase) => [...new Set(c.assignments.map((a) => a.mediatorId))].slice(0, 10);

export async function publishOpened(outbox: OutboxWriter, manager: EntityManager, c: MediationCase, meta: EventMeta): Promise<void> {
  await outbox.append(
    manager,
    MediationCaseOpenedV1,
    {
      caseId: c.id,
      reference: c.reference,
      kind: c.kind,
      origin: c.origin,
      status: c.status,
      complaintId: c.complaintId,
      borrowerId: c.borrowerId,
      productName: c.productName,
      mediatorId: currentAssignment(c)?.mediatorId ?? null,
      acceptanceDueAt: c.acceptanceDueAt?.toISOString() ?? null,
      specialistReplyDueAt: c.specialistReplyDueAt?.toISOString() ?? null,
      openedAt: c.openedAt.toISOString(),
      locale: c.locale,
    },
    { tenantId: c.tenantId, aggregateId: c.id, ...meta },
  );
}

/**
 * Every step is published as `MediationCaseStepRecorded`; a proposal also as
 * `MediationProposalMade`; an agreement, failure or withdrawal also as the fixed
 * `MediationConcluded`, and an agreement with refunds as the fixed `MediationRefundAgreed`.
 */
export async function publishStep(
  outbox: OutboxWriter,
  manager: EntityManager,
  c: MediationCase,
  step: CaseStep,
  request: CaseStepRequest,
  meta: EventMeta,
): Promise<void> {
  const at = { tenantId: c.tenantId, aggregateId: c.id, ...meta };
  const round = 'round' in request ? request.round : request.action === 'propose' ? c.proposals.length : null;
  await outbox.append(
    manager,
    MediationCaseStepRecordedV1,
    {
      caseId: c.id,
      reference: c.reference,
      action: step.action,
      fromStatus: step.fromStatus!,
      toStatus: step.toStatus,
      note: step.note,
      round,
      mediatorId: currentAssignment(c)?.mediatorId ?? null,
      complaintId: c.complaintId,
      borrowerId: c.borrowerId,
      locale: c.locale,
      version: c.version,
    },
    at,
  );
  if (request.action === 'propose') {
    const p = c.proposals.at(-1)!;
    await outbox.append(
      manager,
      MediationProposalMadeV1,
      {
        caseId: c.id,
        reference: c.reference,
        round: p.round,
        summary: p.summary,
        terms: p.terms.map((t) => ({ kind: t.kind, description: t.description, amount: t.amount })),
        replyDueAt: p.replyDueAt.toISOString(),
        complaintId: c.complaintId,
        borrowerId: c.borrowerId,
        locale: c.locale,
      },
      at,
    );
  }
  if (c.outcome && (request.action === 'acceptProposal' || request.action === 'fail' || request.action === 'withdraw')) {
    await outbox.append(
      manager,
      MediationConcludedV1,
      {
        caseId: c.id,
        reference: c.reference,
        complaintId: c.complaintId,
        borrowerId: c.borrowerId,
        outcome: c.outcome.kind === 'AGREEMENT' ? 'AGREEMENT' : c.outcome.kind === 'FAILURE' ? 'FAILURE' : 'WITHDRAWN',
        summary: c.outcome.summary.slice(0, 4_000),
        mediatorIds: mediatorIdsOf(c),
        concludedAt: c.outcome.at.toISOString(),
        locale: c.locale,
      },
      at,
    );
  }
  if (request.action === 'acceptProposal' && c.agreement) {
    const refunds = c.agreement.terms.filter((t) => t.kind === 'REFUND');
    if (refunds.length > 0) {
      await outbox.append(
        manager,
        MediationRefundAgreedV1,
        {
          caseId: c.id,
          reference: c.reference,
          agreementId: c.agreement.id,
          complaintId: c.complaintId,
          borrowerId: c.borrowerId,
          contractNumber: c.contractNumber,
          refunds: refunds.map((t) => ({ amount: t.amount!, feeType: t.feeType!, chargeReference: t.chargeReference, description: t.description })),
          agreedAt: c.agreement.agreedAt.toISOString(),
          locale: c.locale,
        },
        at,
      );
    }
  }
}
