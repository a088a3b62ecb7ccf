import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { borrowerIdSchema, isoInstant, moneySchema } from '../shared/common';
import { LOCALES } from '../complaints/complaint-channel';

export const MEDIATION_CASE_KINDS = ['MEDIATION', 'NEGOTIATION'] as const;
export const MEDIATION_CASE_ORIGINS = ['BORROWER', 'COMPLAINT_REFERRAL', 'NEGOTIATION_REQUEST'] as const;
export const MEDIATION_CASE_STATUSES = [
  'SUBMITTED',
  'NOT_ACCEPTED',
  'AWAITING_MEDIATOR',
  'IN_MEDIATION',
  'PROPOSAL_PENDING',
  'AGREED',
  'CARRIED_OUT',
  'FAILED',
  'WITHDRAWN',
] as const;

/** A mediation case or negotiation request was opened (by a borrower, a complaint referral or for an overdue loan). */
export const MediationCaseOpenedV1 = defineEventContract({
  type: 'mediation.MediationCaseOpened',
  version: 1,
  topic: TOPICS.mediationEvents,
  aggregateType: 'MediationCase',
  payload: z.object({
    caseId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    kind: z.enum(MEDIATION_CASE_KINDS),
    origin: z.enum(MEDIATION_CASE_ORIGINS),
    status: z.enum(MEDIATION_CASE_STATUSES),
    complaintId: z.string().uuid().nullable(),
    borrowerId: borrowerIdSchema,
    productName: z.string().min(1).max(200),
    /** The mediator or named specialist, for a negotiation request. */
    mediatorId: z.string().uuid().nullable(),
    acceptanceDueAt: isoInstant.nullable(),
    specialistReplyDueAt: isoInstant.nullable(),
    openedAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});
export type MediationCaseOpenedPayload = z.infer<typeof MediationCaseOpenedV1.payload>;

/**
 * A step of a mediation case: review, assignment, recusal, material, hardship, session, minutes,
 * comment, answer to a proposal, term carried out, resumption. `note` is what the timeline shows.
 */
export const MediationCaseStepRecordedV1 = defineEventContract({
  type: 'mediation.MediationCaseStepRecorded',
  version: 1,
  topic: TOPICS.mediationEvents,
  aggregateType: 'MediationCase',
  payload: z.object({
    caseId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    action: z.string().min(1).max(40),
    fromStatus: z.enum(MEDIATION_CASE_STATUSES),
    toStatus: z.enum(MEDIATION_CASE_STATUSES),
    note: z.string().max(20_000).nullable(),
    /** The proposal round the step concerns, when it concerns one. */
    round: z.number().int().positive().nullable(),
    mediatorId: z.string().uuid().nullable(),
    complaintId: z.string().uuid().nullable(),
    borrowerId: borrowerIdSchema,
    locale: z.enum(LOCALES),
    version: z.number().int().positive(),
  }),
});
export type MediationCaseStepRecordedPayload = z.infer<typeof MediationCaseStepRecordedV1.payload>;

/** The mediator proposed terms; the borrower is asked to comment, accept or reject by `replyDueAt`. */
export const MediationProposalMadeV1 = defineEventContract({
  type: 'mediation.MediationProposalMade',
  version: 1,
  topic: TOPICS.mediationEvents,
  aggregateType: 'MediationCase',
  payload: z.object({
    caseId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    round: z.number().int().positive(),
    summary: z.string().min(1).max(4_000),
    terms: z
      .array(z.object({ kind: z.string().min(1).max(40), description: z.string().min(1).max(2_000), amount: moneySchema.nullable() }))
      .min(1)
      .max(20),
    replyDueAt: isoInstant,
    complaintId: z.string().uuid().nullable(),
    borrowerId: borrowerIdSchema,
    locale: z.enum(LOCALES),
  }),
});
export type MediationProposalMadePayload = z.infer<typeof MediationProposalMadeV1.payload>;

export const MEDIATION_CLOCKS = ['ACCEPTANCE_REVIEW', 'PROPOSAL_REPLY', 'CASE', 'SPECIALIST_REPLY'] as const;

/**
 * A mediation clock is about to fall due (WARNING) or has passed (BREACH). A negotiation's
 * unanswered request is a breach that escalates to supervisors, not a state the case rests in.
 */
export const MediationClockAlertV1 = defineEventContract({
  type: 'mediation.MediationClockAlert',
  version: 1,
  topic: TOPICS.mediationEvents,
  aggregateType: 'MediationCase',
  payload: z.object({
    caseId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    clock: z.enum(MEDIATION_CLOCKS),
    alert: z.enum(['WARNING', 'BREACH']),
    dueAt: isoInstant,
    mediatorId: z.string().uuid().nullable(),
    status: z.enum(MEDIATION_CASE_STATUSES),
  }),
});
export type MediationClockAlertPayload = z.infer<typeof MediationClockAlertV1.payload>;
