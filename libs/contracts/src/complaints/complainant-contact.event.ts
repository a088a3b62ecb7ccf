import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { borrowerIdSchema } from '../shared/common';
import { LOCALES } from './complaint-channel';

/** The associated data a complainant contact is sealed with: binds it to one tenant and complaint. */
export function complainantContactContext(tenantId: string, complaintId: string): string {
  return `complainant-contact:${tenantId}:${complaintId}`;
}

/** What `ComplainantContactChanged.contact` opens to. */
export const complainantContactSchema = z.object({
  name: z.string().min(1).max(100),
  phone: z.string().min(1).max(40),
  email: z.string().email().nullable(),
});
export type ComplainantContact = z.infer<typeof complainantContactSchema>;

/**
 * How to reach a complainant, for the notifications service, set at intake and whenever it
 * changes. The contact is personal data, so it travels sealed (`@redress/personal-data`, the
 * platform's data keys, context `complainantContactContext`): the broker and its logs never see it.
 */
export const ComplainantContactChangedV1 = defineEventContract({
  type: 'complaints.ComplainantContactChanged',
  version: 1,
  topic: TOPICS.complaintEvents,
  aggregateType: 'Complaint',
  payload: z.object({
    complaintId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    borrowerId: borrowerIdSchema,
    locale: z.enum(LOCALES),
    /** Sealed JSON of `complainantContactSchema`. */
    contact: z.string().startsWith('pd1.'),
  }),
});
export type ComplainantContactChangedPayload = z.infer<typeof ComplainantContactChangedV1.payload>;
