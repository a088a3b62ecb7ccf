import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { borrowerIdSchema, isoInstant, moneySchema } from '../shared/common';
import { LOCALES } from '../complaints/complaint-channel';

/**
 * A mediation agreement includes refunds: the refunds service creates one refund request per
 * entry, exactly once per (agreementId, index), however often this is delivered.
 */
export const MediationRefundAgreedV1 = defineEventContract({
  type: 'mediation.MediationRefundAgreed',
  version: 1,
  topic: TOPICS.mediationEvents,
  aggregateType: 'MediationCase',
  payload: z.object({
    caseId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    agreementId: z.string().uuid(),
    complaintId: z.string().uuid().nullable(),
    borrowerId: borrowerIdSchema,
    contractNumber: z.string().min(1).max(100).nullable(),
    refunds: z
      .array(
        z.object({
          amount: moneySchema,
          feeType: z.string().min(1).max(60),
          chargeReference: z.string().min(1).max(100).nullable(),
          description: z.string().max(2_000).nullable(),
        }),
      )
      .min(1)
      .max(20),
    agreedAt: isoInstant,
    locale: z.enum(LOCALES),
  }),
});
export type MediationRefundAgreedPayload = z.infer<typeof MediationRefundAgreedV1.payload>;
