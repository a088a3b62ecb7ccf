import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { APPEALABLE_KINDS, borrowerIdSchema, isoInstant } from '../shared/common';
import { LOCALES } from '../complaints/complaint-channel';
import { appealTargetSchema } from './appeal-decided.events';

const staffId = z.string().min(1).max(200);
const appealRef = { appealId: z.string().uuid(), reference: z.string().min(1).max(40) };

/**
 * The appeals service learnt a decision the borrower may appeal, and when the window closes.
 * Notifications may tell the borrower of the right to appeal.
 */
export const AppealableDecisionRecordedV1 = defineEventContract({
  type: 'appeals.AppealableDecisionRecorded',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'AppealableDecision',
  payload: z.object({
    decisionId: z.string().uuid(),
    kind: z.enum(APPEALABLE_KINDS),
    subjectId: z.string().uuid(),
    subjectReference: z.string().min(1).max(40),
    complaintId: z.string().uuid().nullable(),
    borrowerId: borrowerIdSchema,
    receivedAt: isoInstant,
    /** The first instant at which an appeal is late (midnight after the last day, tenant time zone). */
    windowClosesAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});

/** A borrower appealed a decision within its window. */
export const AppealFiledV1 = defineEventContract({
  type: 'appeals.AppealFiled',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'Appeal',
  payload: z.object({
    ...appealRef,
    target: appealTargetSchema,
    complaintId: z.string().uuid().nullable(),
    borrowerId: borrowerIdSchema,
    /** Serious appeals are decided by the review committee. */
    serious: z.boolean(),
    filedAt: isoInstant,
    decisionDueAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});

/** An independent reviewer (none of the original deciders) was assigned to an appeal. */
export const AppealReviewerAssignedV1 = defineEventContract({
  type: 'appeals.AppealReviewerAssigned',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'Appeal',
  payload: z.object({ ...appealRef, reviewerId: staffId, assignedAt: isoInstant }),
});

/** An appeal went to the review committee: its members and chair. */
export const AppealReferredToCommitteeV1 = defineEventContract({
  type: 'appeals.AppealReferredToCommittee',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'Appeal',
  payload: z.object({ ...appealRef, memberIds: z.array(staffId).min(2).max(15), chairId: staffId, referredAt: isoInstant }),
});

/** A committee member voted on an appeal. */
export const AppealCommitteeVoteCastV1 = defineEventContract({
  type: 'appeals.AppealCommitteeVoteCast',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'Appeal',
  payload: z.object({ ...appealRef, memberId: staffId, vote: z.enum(['UPHOLD', 'DISMISS']), castAt: isoInstant }),
});

/** The borrower withdrew an appeal; the decision stands. */
export const AppealWithdrawnV1 = defineEventContract({
  type: 'appeals.AppealWithdrawn',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'Appeal',
  payload: z.object({ ...appealRef, borrowerId: borrowerIdSchema, reason: z.string().max(1_000).nullable(), withdrawnAt: isoInstant, locale: z.enum(LOCALES) }),
});

/** An appeal's decision clock is about to fall due (WARNING) or has passed (BREACH: escalate). */
export const AppealClockAlertV1 = defineEventContract({
  type: 'appeals.AppealClockAlert',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'Appeal',
  payload: z.object({
    ...appealRef,
    alert: z.enum(['WARNING', 'BREACH']),
    dueAt: isoInstant,
    status: z.string().min(1).max(40),
    /** The single reviewer, or the committee chair; null while nobody is assigned. */
    ownerId: staffId.nullable(),
  }),
});

/** A tenant administrator changed the tenant's appeals policy. */
export const AppealPolicyChangedV1 = defineEventContract({
  type: 'appeals.AppealPolicyChanged',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'AppealPolicy',
  payload: z.object({
    windowDays: z.number().int().min(30),
    decisionDays: z.number().int().positive(),
    seriousKinds: z.array(z.enum(APPEALABLE_KINDS)),
    seriousAmountMinor: z.number().int().nonnegative().nullable(),
    version: z.number().int().positive(),
    changedBy: staffId,
    changedAt: isoInstant,
  }),
});
