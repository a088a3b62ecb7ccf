import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { COMPLAINT_CHANNELS, LOCALES } from './complaint-channel';

/**
 * A complaint was received. Carries no personal data: consumers that need to reach the
 * complainant address them through the complaint, never through a copy of their details.
 */
export const ComplaintFiledV1 = defineEventContract({
  type: 'complaints.ComplaintFiled',
  version: 1,
  topic: TOPICS.complaintEvents,
  aggregateType: 'Complaint',
  payload: z.object({
    complaintId: z.string().uuid(),
    reference: z.string().min(1).max(40),
    channel: z.enum(COMPLAINT_CHANNELS),
    productName: z.string().min(1).max(200),
    receivedAt: z.string().datetime({ offset: true }),
    firstReplyDueAt: z.string().datetime({ offset: true }),
    decisionDueAt: z.string().datetime({ offset: true }),
    locale: z.enum(LOCALES),
  }),
});

export type ComplaintFiledPayload = z.infer<typeof ComplaintFiledV1.payload>;
