import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { borrowerIdSchema, isoInstant, moneySchema } from '../shared/common';
import { LOCALES } from '../complaints/complaint-channel';

/**
 * A refund request was rejected on review. The borrower may appeal it (appeals learns the decision
 * here) and is told why (notifications).
 */
export const RefundRejectedV1 = defineEventContract({
  type: 'refunds.RefundRejected',
  version: 1,
  topic: TOPICS.refundEvents,
  aggregateType: 'Refund',
  payload: z.object({
    refundId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    complaintId: z.string().uuid().nullable(),
    borrowerId: borrowerIdSchema,
    amount: moneySchema,
    reasons: z.string().min(1).max(4_000),
    /** Everyone who reviewed it: none of them may review an appeal against it. */
    reviewerIds: z.array(z.string().min(1).max(200)).min(1).max(10),
    rejectedAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});
export type RefundRejectedPayload = z.infer<typeof RefundRejectedV1.payload>;
