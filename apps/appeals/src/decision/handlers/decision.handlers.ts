import {
  ComplaintDecisionIssuedV1,
  ComplaintFiledV1,
  MediationConcludedV1,
  RefundRejectedV1,
  TenantOnboardedV1,
} from '@redress/contracts';
import { eventHandler, UnprocessableEventError, type OutboxWriter } from '@redress/events';
import { policyRepository } from '../../policy/infrastructure/policy.repository';
import { relatedMatterRepository } from '../../related-matter/infrastructure/related-matter.repository';
import { recordDecision } from './record-decision';

/** Who decided: none of them may review an appeal against the decision. */
const deciders = (...ids: (string | null | undefined)[][]) => [...new Set(ids.flat().filter((id): id is string => !!id))];

/** The events that teach the appeals service what a borrower may appeal, and the tenant's time zone. */
export function decisionHandlers(outbox: OutboxWriter) {
  return [
    eventHandler(ComplaintDecisionIssuedV1, async (event, manager) => {
      const p = event.payload;
      await relatedMatterRepository.noteComplaint(manager, event.tenantId, { id: p.complaintId, reference: p.reference, productName: p.productName, receivedAt: new Date(p.issuedAt) });
      const feeTypes = p.remedies.map((r) => r.feeType).filter((f): f is string => !!f);
      await recordDecision(
        manager,
        outbox,
        event,
        {
          kind: 'COMPLAINT_DECISION',
          subjectId: p.complaintId,
          subjectReference: p.reference,
          sourceDecisionId: p.decisionId,
          complaintId: p.complaintId,
          borrowerId: p.borrowerId,
          productName: p.productName,
          issue: feeTypes[0] ?? null,
          outcome: p.outcome,
          summary: p.reasons,
          amount: null,
          deciderIds: deciders([p.handlerId], p.reviewerIds),
          receivedAt: new Date(p.issuedAt),
          locale: p.locale,
        },
        feeTypes,
      );
    }),
    eventHandler(RefundRejectedV1, async (event, manager) => {
      const p = event.payload;
      await recordDecision(
        manager,
        outbox,
        event,
        {
          kind: 'REFUND_REJECTION',
          subjectId: p.refundId,
          subjectReference: p.reference,
          sourceDecisionId: p.refundId,
          complaintId: p.complaintId,
          borrowerId: p.borrowerId,
          // The event names no product; the complaint it came from does, when this service heard of it.
          productName: await relatedMatterRepository.productOfComplaint(manager, event.tenantId, p.complaintId),
          issue: null,
          outcome: 'REJECTED',
          summary: p.reasons,
          amount: p.amount,
          deciderIds: deciders(p.reviewerIds),
          receivedAt: new Date(p.rejectedAt),
          locale: p.locale,
        },
        [],
      );
    }),
    eventHandler(MediationConcludedV1, async (event, manager) => {
      const p = event.payload;
      // A case the borrower withdrew ended by their own choice: there is no result to appeal.
      if (p.outcome === 'WITHDRAWN') return;
      await recordDecision(
        manager,
        outbox,
        event,
        {
          kind: 'MEDIATION_RESULT',
          subjectId: p.caseId,
          subjectReference: p.reference,
          sourceDecisionId: p.caseId,
          complaintId: p.complaintId,
          borrowerId: p.borrowerId,
          productName: await relatedMatterRepository.productOfComplaint(manager, event.tenantId, p.complaintId),
          issue: null,
          outcome: p.outcome,
          summary: p.summary,
          amount: null,
          deciderIds: deciders(p.mediatorIds),
          receivedAt: new Date(p.concludedAt),
          locale: p.locale,
        },
        [],
      );
    }),
    eventHandler(ComplaintFiledV1, async (event, manager) => {
      const p = event.payload;
      await relatedMatterRepository.noteComplaint(manager, event.tenantId, { id: p.complaintId, reference: p.reference, productName: p.productName, receivedAt: new Date(p.receivedAt) });
    }),
    eventHandler(TenantOnboardedV1, async (event, manager) => {
      const p = event.payload;
      if (p.tenantId !== event.tenantId) throw new UnprocessableEventError('TenantOnboarded for another tenant than its envelope');
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: p.timeZone });
      } catch {
        throw new UnprocessableEventError(`Unknown time zone ${p.timeZone}`);
      }
      await policyRepository.applyOnboarding(manager, p.tenantId, p.timeZone, p.revision);
    }),
  ];
}
