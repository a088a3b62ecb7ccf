import type { EntityManager } from 'typeorm';
import {
  complainantContactContext,
  ComplainantContactChangedV1,
  ComplaintDecisionIssuedV1,
  ComplaintFiledV1,
  ComplaintResolutionAcceptedV1,
  ComplaintStatusChangedV1,
  RegulatorReferralReceivedV1,
  type ComplaintDecisionIssuedPayload,
} from '@redress/contracts';
import type { OutboxWriter } from '@redress/events';
import type { PersonalDataCipher } from '@redress/personal-data';
import type { Complaint, ComplaintStep } from '../domain/complaint';
import { noteForComplainant } from '../domain/told-to-complainant';


/** Publishes a complaint's events through the outbox, in the transaction that changed it. */
export class ComplaintEvents {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly cipher: PersonalDataCipher,
  ) {}

  private meta(complaint: Complaint, correlationId: string) {
    return { tenantId: complaint.tenantId, aggregateId: complaint.id, correlationId };
  }

  async filed(manager: EntityManager, complaint: Complaint, correlationId: string): Promise<void> {
    await this.outbox.append(
      manager,
      ComplaintFiledV1,
      {
        complaintId: complaint.id,
        reference: complaint.reference,
        channel: complaint.channel,
        productName: complaint.productName,
        receivedAt: complaint.receivedAt.toISOString(),
        firstReplyDueAt: complaint.firstReplyDueAt.toISOString(),
        decisionDueAt: complaint.decisionDueAt.toISOString(),
        locale: complaint.complainant.locale,
      },
      this.meta(complaint, correlationId),
    );
  }

  /** How to reach the complainant, sealed: the broker never carries it in clear. */
  async contactChanged(manager: EntityManager, complaint: Complaint, correlationId: string): Promise<void> {
    const { name, phone, email } = complaint.complainant;
    await this.outbox.append(
      manager,
      ComplainantContactChangedV1,
      {
        complaintId: complaint.id,
        reference: complaint.reference,
        borrowerId: complaint.borrowerId,
        locale: complaint.complainant.locale,
        contact: this.cipher.seal(JSON.stringify({ name, phone, email }), complainantContactContext(complaint.tenantId, complaint.id)),
      },
      this.meta(complaint, correlationId),
    );
  }

  async regulatorReferral(manager: EntityManager, complaint: Complaint, referral: { regulator: string; reference: string }, linked: boolean, correlationId: string): Promise<void> {
    await this.outbox.append(
      manager,
      RegulatorReferralReceivedV1,
      {
        complaintId: complaint.id,
        reference: complaint.reference,
        regulator: referral.regulator,
        regulatorReference: referral.reference,
        linkedToExisting: linked,
        borrowerId: complaint.borrowerId,
        receivedAt: new Date().toISOString(),
      },
      this.meta(complaint, correlationId),
    );
  }

  /** Every step: the status change, then what the step means to other services (the decision, its acceptance). */
  async stepTaken(manager: EntityManager, complaint: Complaint, step: ComplaintStep, correlationId: string, reviewerIds: string[] = []): Promise<void> {
    await this.outbox.append(
      manager,
      ComplaintStatusChangedV1,
      {
        complaintId: complaint.id,
        reference: complaint.reference,
        action: step.action,
        fromStatus: step.fromStatus ?? step.toStatus,
        toStatus: step.toStatus,
        reason: noteForComplainant(step),
        productName: complaint.productName,
        decisionDueAt: complaint.decisionDueAt.toISOString(),
        locale: complaint.complainant.locale,
        version: complaint.version,
      },
      this.meta(complaint, correlationId),
    );
    if (step.action === 'proposeResolution') {
      await this.outbox.append(manager, ComplaintDecisionIssuedV1, { ...decisionOf(complaint, step, reviewerIds), issuedAt: step.at.toISOString() }, this.meta(complaint, correlationId));
    }
    if (step.action === 'acceptResolution') {
      await this.outbox.append(manager, ComplaintResolutionAcceptedV1, { ...decisionOf(complaint, step, reviewerIds), acceptedAt: step.at.toISOString() }, this.meta(complaint, correlationId));
    }
  }
}

/** The decision as the decision events carry it: no personal data, the people who decided it by id. */
function decisionOf(complaint: Complaint, step: ComplaintStep, reviewerIds: string[]): Omit<ComplaintDecisionIssuedPayload, 'issuedAt'> {
  const resolution = complaint.resolution;
  if (!resolution) throw new Error(`Complaint ${complaint.id} has no resolution at ${step.action}`);
  return {
    complaintId: complaint.id,
    reference: complaint.reference,
    decisionId: resolution.decisionId,
    outcome: resolution.outcome,
    reasons: resolution.reasons,
    remedies: resolution.remedies.map((r) => ({
      type: r.type,
      amount: r.amount,
      feeType: r.feeType,
      chargeReference: r.chargeReference,
      description: r.description,
    })),
    borrowerId: complaint.borrowerId,
    productName: complaint.productName,
    contractNumber: complaint.contractNumber,
    handlerId: complaint.handlerId ?? step.actorId,
    reviewerIds: [...new Set(reviewerIds)],
    locale: complaint.complainant.locale,
  };
}
