import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { borrowerIdSchema, isoInstant, moneySchema } from '../shared/common';
import { LOCALES } from '../complaints/complaint-channel';

/** Where a refund request came from: a borrower channel, or a decision made elsewhere on the platform. */
export const REFUND_CHANNELS = ['PARTNER_APP', 'HOTLINE', 'EMAIL', 'COMPLAINT_DECISION', 'MEDIATION_AGREEMENT'] as const;
export type RefundChannel = (typeof REFUND_CHANNELS)[number];

export const PAYOUT_STATES = ['PENDING', 'PAID', 'FAILED', 'REVERSED'] as const;
export type PayoutState = (typeof PAYOUT_STATES)[number];

const refundRef = {
  refundId: z.string().uuid(),
  reference: z.string().min(1).max(40),
  complaintId: z.string().uuid().nullable(),
  borrowerId: borrowerIdSchema,
};

/** A refund request was recorded (once per idempotency key), under the policy version in force. */
export const RefundRequestedV1 = defineEventContract({
  type: 'refunds.RefundRequested',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'Refund',
  payload: z.object({
    ...refundRef,
    channel: z.enum(REFUND_CHANNELS),
    amount: moneySchema,
    feeType: z.string().min(1).max(60).nullable(),
    chargeReference: z.string().min(1).max(100).nullable(),
    policyVersion: z.number().int().positive(),
    reviewDueAt: isoInstant,
    requestedAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});
export type RefundRequestedPayload = z.infer<typeof RefundRequestedV1.payload>;

/** The policy was applied to a request (at request time, and again when its charge is recorded). */
export const RefundEvaluatedV1 = defineEventContract({
  type: 'refunds.RefundEvaluated',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'Refund',
  payload: z.object({
    ...refundRef,
    verdict: z.enum(['ELIGIBLE', 'INELIGIBLE']),
    policyVersion: z.number().int().positive(),
    /** The rules that failed, by code (the explanation itself is on the refund). */
    failedRules: z.array(z.string().min(1).max(60)).max(20),
    evaluatedAt: isoInstant,
  }),
});
export type RefundEvaluatedPayload = z.infer<typeof RefundEvaluatedV1.payload>;

/** One approval of a refund that needs two: it now waits for a second, different approver. */
export const RefundApprovalRecordedV1 = defineEventContract({
  type: 'refunds.RefundApprovalRecorded',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'Refund',
  payload: z.object({
    ...refundRef,
    approverId: z.string().min(1).max(200),
    approvalsGiven: z.number().int().positive(),
    approvalsRequired: z.number().int().positive(),
    recordedAt: isoInstant,
  }),
});
export type RefundApprovalRecordedPayload = z.infer<typeof RefundApprovalRecordedV1.payload>;

/** A refund was approved in full: the amount is committed against its charge and a payout is due. */
export const RefundApprovedV1 = defineEventContract({
  type: 'refunds.RefundApproved',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'Refund',
  payload: z.object({
    ...refundRef,
    amount: moneySchema,
    approverIds: z.array(z.string().min(1).max(200)).min(1).max(10),
    /** Set when the policy found the request ineligible and the approvers overrode it, with why. */
    overrideReason: z.string().max(2_000).nullable(),
    payoutId: z.string().uuid(),
    payoutMethod: z.string().min(1).max(40),
    payoutDueAt: isoInstant,
    approvedAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});
export type RefundApprovedPayload = z.infer<typeof RefundApprovedV1.payload>;

/** A payout changed state (PENDING when created, then PAID, FAILED or REVERSED). */
export const RefundPayoutStateChangedV1 = defineEventContract({
  type: 'refunds.RefundPayoutStateChanged',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'Refund',
  payload: z.object({
    ...refundRef,
    payoutId: z.string().uuid(),
    amount: moneySchema,
    method: z.string().min(1).max(40),
    fromState: z.enum(PAYOUT_STATES).nullable(),
    toState: z.enum(PAYOUT_STATES),
    attempts: z.number().int().nonnegative(),
    providerReference: z.string().max(200).nullable(),
    /** Why it failed or was reversed; never personal data. */
    reason: z.string().max(2_000).nullable(),
    changedAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});
export type RefundPayoutStateChangedPayload = z.infer<typeof RefundPayoutStateChangedV1.payload>;

/** A rejected refund went back to review because an appeal against the rejection was upheld. */
export const RefundReturnedToReviewV1 = defineEventContract({
  type: 'refunds.RefundReturnedToReview',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'Refund',
  payload: z.object({
    ...refundRef,
    appealId: z.string().uuid(),
    reviewDueAt: isoInstant,
    returnedAt: isoInstant,
  }),
});
export type RefundReturnedToReviewPayload = z.infer<typeof RefundReturnedToReviewV1.payload>;

/** A refund's review or payout time limit is near (WARNING) or has passed (BREACH, an escalation). */
export const RefundClockAlertV1 = defineEventContract({
  type: 'refunds.RefundClockAlert',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'Refund',
  payload: z.object({
    refundId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    clock: z.enum(['REVIEW', 'PAYOUT']),
    alert: z.enum(['WARNING', 'BREACH']),
    dueAt: isoInstant,
    handlerId: z.string().nullable(),
    status: z.string().min(1).max(40),
  }),
});
export type RefundClockAlertPayload = z.infer<typeof RefundClockAlertV1.payload>;

/** A tenant's refund policy got a new version; requests made from now on are judged by it. */
export const RefundPolicyVersionedV1 = defineEventContract({
  type: 'refunds.RefundPolicyVersioned',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'RefundPolicy',
  payload: z.object({
    version: z.number().int().positive(),
    effectiveFrom: isoInstant,
    /** Who made it: a staff member, or `tenant-onboarding` for the version set at onboarding. */
    createdBy: z.string().min(1).max(200),
  }),
});
export type RefundPolicyVersionedPayload = z.infer<typeof RefundPolicyVersionedV1.payload>;
