import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { borrowerIdSchema, isoInstant } from '../shared/common';
import { LOCALES } from '../complaints/complaint-channel';

export const MEDIATION_OUTCOMES = ['AGREEMENT', 'FAILURE', 'WITHDRAWN'] as const;

/**
 * A mediation case ended. A result the borrower disagrees with can be appealed (appeals learns it
 * here); on FAILURE the borrower is told the external routes (notifications).
 */
export const MediationConcludedV1 = defineEventContract({
  type: 'mediation.MediationConcluded',
  version: 1,
  topic: TOPICS.mediationEvents,
  aggregateType: 'MediationCase',
  payload: z.object({
    caseId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    complaintId: z.string().uuid().nullable(),
    borrowerId: borrowerIdSchema,
    outcome: z.enum(MEDIATION_OUTCOMES),
    /** What was agreed, or why it failed, in words the borrower is shown. */
    summary: z.string().min(1).max(4_000),
    /** The mediators of the case: none of them may review an appeal against it. */
    mediatorIds: z.array(z.string().min(1).max(200)).max(10),
    concludedAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});
export type MediationConcludedPayload = z.infer<typeof MediationConcludedV1.payload>;
