import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { borrowerIdSchema, isoInstant, moneySchema } from '../shared/common';
import { LOCALES } from './complaint-channel';

export const COMPLAINT_OUTCOMES = ['UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD'] as const;
export const REMEDY_TYPES = ['EXPLANATION', 'COMPENSATION', 'REFUND', 'FEE_WAIVER', 'REPAYMENT_PLAN_CHANGE', 'MEDIATION_REFERRAL'] as const;

/** One thing the lender will do for the complainant. Money remedies carry the amount. */
export const remedySchema = z.object({
  type: z.enum(REMEDY_TYPES),
  amount: moneySchema.nullable(),
  /** For a REFUND or FEE_WAIVER: the fee type concerned (e.g. SERVICE_FEE), when known. */
  feeType: z.string().min(1).max(60).nullable(),
  /** For a REFUND: the lender's reference of the charge being refunded, when known. */
  chargeReference: z.string().min(1).max(100).nullable(),
  description: z.string().max(2_000).nullable(),
});

const decisionPayload = {
  complaintId: z.string().uuid(),
  reference: z.string().min(1).max(40),
  /** Identifies this decision: a complaint decided again after a rejection gets a new one. */
  decisionId: z.string().uuid(),
  outcome: z.enum(COMPLAINT_OUTCOMES),
  reasons: z.string().min(1).max(4_000),
  remedies: z.array(remedySchema).max(20),
  borrowerId: borrowerIdSchema,
  productName: z.string().min(1).max(200),
  contractNumber: z.string().min(1).max(100).nullable(),
  /** The handler who decided: an appeal against this decision may not be reviewed by them. */
  handlerId: z.string().min(1).max(200).nullable(),
  /** Reviewers of the internal review, if the case went through one. */
  reviewerIds: z.array(z.string().min(1).max(200)).max(20),
  locale: z.enum(LOCALES),
};

/**
 * A decision on a complaint was issued to the complainant (the decision notice). Opens the
 * borrower's appeal window (appeals) and is what the complainant is told (notifications).
 */
export const ComplaintDecisionIssuedV1 = defineEventContract({
  type: 'complaints.ComplaintDecisionIssued',
  version: 1,
  topic: TOPICS.complaintEvents,
  aggregateType: 'Complaint',
  payload: z.object({ ...decisionPayload, issuedAt: isoInstant }),
});
export type ComplaintDecisionIssuedPayload = z.infer<typeof ComplaintDecisionIssuedV1.payload>;

/**
 * The complainant accepted the decision: its remedies are now due. Refunds creates the refund
 * request of a REFUND remedy, mediation opens a case for a MEDIATION_REFERRAL, each exactly once
 * per (decisionId, remedy index).
 */
export const ComplaintResolutionAcceptedV1 = defineEventContract({
  type: 'complaints.ComplaintResolutionAccepted',
  version: 1,
  topic: TOPICS.complaintEvents,
  aggregateType: 'Complaint',
  payload: z.object({ ...decisionPayload, acceptedAt: isoInstant }),
});
export type ComplaintResolutionAcceptedPayload = z.infer<typeof ComplaintResolutionAcceptedV1.payload>;

/**
 * A regulator (e.g. through the 12378 hotline) referred a borrower's complaint. Complaints opened
 * a complaint for it or linked it to the open one on the same matter; appeals records the external
 * escalation.
 */
export const RegulatorReferralReceivedV1 = defineEventContract({
  type: 'complaints.RegulatorReferralReceived',
  version: 1,
  topic: TOPICS.complaintEvents,
  aggregateType: 'Complaint',
  payload: z.object({
    complaintId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    regulator: z.string().min(1).max(200),
    regulatorReference: z.string().min(1).max(100),
    /** True when the referral was linked to a complaint that was already open. */
    linkedToExisting: z.boolean(),
    borrowerId: borrowerIdSchema,
    receivedAt: isoInstant,
  }),
});
export type RegulatorReferralReceivedPayload = z.infer<typeof RegulatorReferralReceivedV1.payload>;
