import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { APPEALABLE_KINDS, borrowerIdSchema, isoInstant } from '../shared/common';
import { LOCALES } from '../complaints/complaint-channel';

/** The decision an appeal is about: its kind and the owning service's ids. */
export const appealTargetSchema = z.object({
  kind: z.enum(APPEALABLE_KINDS),
  /** The complaint id, refund id or mediation case id. */
  subjectId: z.string().uuid(),
  /** The decision id where the owning service has one (complaint decisions), else the subject id. */
  decisionId: z.string().uuid(),
});

const appealDecision = {
  appealId: z.string().uuid(),
  reference: z.string().min(1).max(40),
  target: appealTargetSchema,
  borrowerId: borrowerIdSchema,
  reasons: z.string().min(1).max(4_000),
  decidedAt: isoInstant,
  locale: z.enum(LOCALES),
};

/**
 * An appeal was upheld. The owning service acts on it exactly once: complaints reopens the
 * complaint, refunds sends the refund back to review, mediation resumes the case.
 */
export const AppealUpheldV1 = defineEventContract({
  type: 'appeals.AppealUpheld',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'Appeal',
  payload: z.object(appealDecision),
});
export type AppealUpheldPayload = z.infer<typeof AppealUpheldV1.payload>;

/** An appeal was dismissed; the borrower is told why and of the external routes. */
export const AppealDismissedV1 = defineEventContract({
  type: 'appeals.AppealDismissed',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'Appeal',
  payload: z.object(appealDecision),
});
export type AppealDismissedPayload = z.infer<typeof AppealDismissedV1.payload>;
