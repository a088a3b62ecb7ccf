import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { LOCALES } from './complaint-channel';

/**
 * A complaint moved in its lifecycle (accepted, declined, assigned, …). Carries what the borrower
 * must be told (e.g. why it was not accepted) and nothing personal.
 */
export const ComplaintStatusChangedV1 = defineEventContract({
  type: 'complaints.ComplaintStatusChanged',
  version: 1,
  topic: TOPICS.complaintEvents,
  aggregateType: 'Complaint',
  payload: z.object({
    complaintId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    action: z.string().min(1).max(40),
    fromStatus: z.string().min(1).max(40),
    toStatus: z.string().min(1).max(40),
    /** A reason the complainant is told (a decline, a withdrawal), if the step had one. */
    reason: z.string().max(1_000).nullable(),
    productName: z.string().min(1).max(200),
    decisionDueAt: z.string().datetime({ offset: true }),
    locale: z.enum(LOCALES),
    version: z.number().int().positive(),
  }),
});

export type ComplaintStatusChangedPayload = z.infer<typeof ComplaintStatusChangedV1.payload>;
