import { z } from 'zod';
import { defineEventContract } from '../envelope';
import { TOPICS } from '../topics';
import { COMPLAINT_CHANNELS, LOCALES } from '../complaints/complaint-channel';
import { isoInstant } from '../shared/common';
import { complaintClockPolicySchema } from './tenant-policies';

/**
 * A lender was onboarded (or its settings changed): every service provisions what it needs for it
 * (clock policy, default templates, default refund policy). Redelivery and replays are harmless:
 * consumers apply the latest `revision` only.
 */
export const TenantOnboardedV1 = defineEventContract({
  type: 'tenants.TenantOnboarded',
  version: 1,
  topic: TOPICS.tenantEvents,
  aggregateType: 'Tenant',
  payload: z.object({
    tenantId: z.string().uuid(),
    name: z.string().min(1).max(200),
    /** Short code used in reference numbers, e.g. NWD. */
    code: z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/),
    locales: z.array(z.enum(LOCALES)).min(1),
    defaultLocale: z.enum(LOCALES),
    /** IANA time zone in which the tenant's days (appeal windows, quiet hours) are counted. */
    timeZone: z.string().min(1).max(60),
    enabledChannels: z.array(z.enum(COMPLAINT_CHANNELS)).min(1),
    clockPolicy: complaintClockPolicySchema,
    /** The refunds service's policy, validated by it (null: its default). */
    refundPolicy: z.record(z.string(), z.unknown()).nullable(),
    revision: z.number().int().positive(),
    onboardedAt: isoInstant,
  }),
});
export type TenantOnboardedPayload = z.infer<typeof TenantOnboardedV1.payload>;

/** A tenant was suspended or reinstated; its requests are refused while suspended, its data kept. */
export const TenantStatusChangedV1 = defineEventContract({
  type: 'tenants.TenantStatusChanged',
  version: 1,
  topic: TOPICS.tenantEvents,
  aggregateType: 'Tenant',
  payload: z.object({
    tenantId: z.string().uuid(),
    status: z.enum(['ACTIVE', 'SUSPENDED']),
    reason: z.string().min(1).max(1_000),
    revision: z.number().int().positive(),
    changedAt: isoInstant,
  }),
});
export type TenantStatusChangedPayload = z.infer<typeof TenantStatusChangedV1.payload>;
