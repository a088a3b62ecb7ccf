import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';

/**
 * A regulatory clock of a complaint is about to fall due (WARNING) or has passed its due time
 * (BREACH, an escalation). Raised once per clock, kind and due time, whatever restarts happen.
 */
export const ComplaintClockAlertV1 = defineEventContract({
  type: 'complaints.ComplaintClockAlert',
  version: 1,
  topic: TOPICS.complaintEvents,
  aggregateType: 'Complaint',
  payload: z.object({
    complaintId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    clock: z.enum(['FIRST_REPLY', 'DECISION']),
    alert: z.enum(['WARNING', 'BREACH']),
    dueAt: z.string().datetime({ offset: true }),
    handlerId: z.string().nullable(),
    status: z.string().min(1).max(40),
  }),
});

export type ComplaintClockAlertPayload = z.infer<typeof ComplaintClockAlertV1.payload>;
