import { z } from 'zod';
import { setting } from '@redress/config';

const ms = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** Settings of the delivery dispatcher; documented in docs/notifications.md. Channel settings are per tenant, in the graph. */
export const notificationsConfigSpec = {
  dispatchIntervalMs: setting({
    env: 'NOTIFICATIONS_DISPATCH_INTERVAL_MS',
    description: 'How often due deliveries are looked for when no new notice wakes the dispatcher (default 1000).',
    schema: ms(1_000, 50, 60_000),
  }),
  dispatchBatchSize: setting({
    env: 'NOTIFICATIONS_DISPATCH_BATCH_SIZE',
    description: 'Deliveries claimed per round (default 200).',
    schema: ms(200, 1, 5_000),
  }),
  dispatchConcurrency: setting({
    env: 'NOTIFICATIONS_DISPATCH_CONCURRENCY',
    description: 'Deliveries sent at the same time by one instance (default 8; keep below DB_POOL_SIZE).',
    schema: ms(8, 1, 64),
  }),
  leaseMs: setting({
    env: 'NOTIFICATIONS_LEASE_MS',
    description: 'How long a claimed delivery is reserved for one dispatcher; after a crash it is due again once this passes (default 60000).',
    schema: ms(60_000, 1_000, 3_600_000),
  }),
  maxAttempts: setting({
    env: 'NOTIFICATIONS_MAX_ATTEMPTS',
    description: 'Attempts before a failing delivery is dead-lettered (default 8).',
    schema: ms(8, 1, 50),
  }),
  retryBaseMs: setting({
    env: 'NOTIFICATIONS_RETRY_BASE_MS',
    description: 'Delay before the first retry; each further retry waits twice as long, ±20% (default 5000).',
    schema: ms(5_000, 10, 3_600_000),
  }),
  retryMaxMs: setting({
    env: 'NOTIFICATIONS_RETRY_MAX_MS',
    description: 'Longest wait between two attempts (default 3600000).',
    schema: ms(3_600_000, 10, 86_400_000),
  }),
  contactWaitMs: setting({
    env: 'NOTIFICATIONS_CONTACT_WAIT_MS',
    description: "How long an email or SMS waits for the complainant's contact to arrive before it is dead-lettered (default 3600000).",
    schema: ms(3_600_000, 100, 604_800_000),
  }),
  sendTimeoutMs: setting({
    env: 'NOTIFICATIONS_SEND_TIMEOUT_MS',
    description: 'Time allowed for one SMTP, SMS gateway or webhook call (default 10000).',
    schema: ms(10_000, 100, 120_000),
  }),
};
