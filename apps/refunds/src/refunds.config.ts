import { z } from 'zod';
import { setting } from '@redress/config';

/** Settings of the refunds service beyond those every service reads (documented in docs/refunds.md). */
export const refundsConfigSpec = {
  payoutProviderUrl: setting({
    env: 'PAYOUT_PROVIDER_URL',
    description:
      'Base URL of the payment provider; payouts are POSTed to `<url>/payouts` with the payout id as `Idempotency-Key`. ' +
      'Unset: approved refunds wait with their payouts PENDING (and their payout clocks escalate).',
    schema: z.string().url().optional(),
  }),
  payoutProviderApiKey: setting({
    env: 'PAYOUT_PROVIDER_API_KEY',
    description: 'Bearer token sent to the payment provider, if it needs one.',
    schema: z.string().min(1).optional(),
    secret: true,
  }),
  payoutProviderTimeoutMs: setting({
    env: 'PAYOUT_PROVIDER_TIMEOUT_MS',
    description: 'How long one call to the provider may take before its outcome counts as unknown and is retried (default 10000).',
    schema: z.coerce.number().int().min(100).max(120_000).default(10_000),
  }),
  payoutRetryBaseMs: setting({
    env: 'PAYOUT_RETRY_BASE_MS',
    description: 'First delay before a payout is tried again; it doubles per attempt (default 2000).',
    schema: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
  }),
  payoutRetryMaxMs: setting({
    env: 'PAYOUT_RETRY_MAX_MS',
    description: 'Longest delay between two attempts of one payout (default 600000).',
    schema: z.coerce.number().int().min(10).max(86_400_000).default(600_000),
  }),
  payoutScanIntervalMs: setting({
    env: 'PAYOUT_SCAN_INTERVAL_MS',
    description: 'How often due payouts are looked for (default 5000); an approval also starts its payout at once.',
    schema: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  }),
  payoutConcurrency: setting({
    env: 'PAYOUT_CONCURRENCY',
    description: 'Payouts sent to the provider at once by one service instance (default 8).',
    schema: z.coerce.number().int().min(1).max(64).default(8),
  }),
  clockScanIntervalMs: setting({
    env: 'CLOCK_SCAN_INTERVAL_MS',
    description: 'How often due review and payout clocks are looked for (default 15000).',
    schema: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  }),
};
