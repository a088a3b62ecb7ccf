import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { isoInstant } from '../shared/common';

export const RELATED_CASE_TYPES = ['COMPLAINT', 'APPEAL'] as const;

/** Complaints and appeals from many borrowers about one product and issue, handled as one matter. */
export const RelatedMatterOpenedV1 = defineEventContract({
  type: 'appeals.RelatedMatterOpened',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'RelatedMatter',
  payload: z.object({
    matterId: z.string().uuid(),
    title: z.string().min(1).max(200),
    productName: z.string().min(1).max(200),
    issue: z.string().min(1).max(60),
    /** STAFF: grouped by hand; SUGGESTION: a suggestion of the service, accepted by staff. */
    origin: z.enum(['STAFF', 'SUGGESTION']),
    caseCount: z.number().int().nonnegative(),
    openedAt: isoInstant,
  }),
});

/** A complaint or an appeal joined a related matter. */
export const RelatedMatterCaseAddedV1 = defineEventContract({
  type: 'appeals.RelatedMatterCaseAdded',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'RelatedMatter',
  payload: z.object({ matterId: z.string().uuid(), caseType: z.enum(RELATED_CASE_TYPES), caseId: z.string().uuid(), addedAt: isoInstant }),
});

/** A related matter was handled and closed. */
export const RelatedMatterClosedV1 = defineEventContract({
  type: 'appeals.RelatedMatterClosed',
  version: 1,
  topic: TOPICS.appealEvents,
  aggregateType: 'RelatedMatter',
  payload: z.object({ matterId: z.string().uuid(), closedAt: isoInstant }),
});
