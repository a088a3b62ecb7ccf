import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { borrowerIdSchema, isoInstant } from '../shared/common';
import { EXTERNAL_ROUTE_CODES } from './external-routes';

export const ESCALATION_STATUSES = ['OPEN', 'IN_PROGRESS', 'CLOSED'] as const;

const escalation = {
  escalationId: z.string().uuid(),
  route: z.enum(EXTERNAL_ROUTE_CODES),
  /** INBOUND: the outside body came to the lender (e.g. a 12378 referral); OUTBOUND: the borrower went there. */
  direction: z.enum(['INBOUND', 'OUTBOUND']),
  institution: z.string().min(1).max(200),
  externalReference: z.string().min(1).max(100).nullable(),
  complaintId: z.string().uuid().nullable(),
  appealId: z.string().uuid().nullable(),
  borrowerId: borrowerIdSchema,
  status: z.enum(ESCALATION_STATUSES),
};

/** A matter went outside the lender (regulator, consumer association, arbitration, court). */
export const ExternalEscalationRecordedV1 = defineEventContract({
  type: 'appeals.ExternalEscalationRecorded',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'ExternalEscalation',
  payload: z.object({ ...escalation, escalatedAt: isoInstant }),
});

/** An external escalation moved on: its status, and its outcome once known. */
export const ExternalEscalationUpdatedV1 = defineEventContract({
  type: 'appeals.ExternalEscalationUpdated',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'ExternalEscalation',
  payload: z.object({ ...escalation, outcome: z.string().min(1).max(4_000).nullable(), updatedAt: isoInstant }),
});
