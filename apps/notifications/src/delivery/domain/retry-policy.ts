/** How often and how far apart a failing delivery is tried again before it is dead-lettered. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: 3_600_000 };

export type AttemptOutcome =
  | { kind: 'retry'; at: Date }
  | { kind: 'dead-letter' };

/**
 * After failed attempt number `attempt` (1-based): retry with exponential backoff and ±20% jitter
 * (so many notices failing together do not retry together), or give up. A permanent failure
 * (the provider refused the message itself) is not retried.
 */
export function afterFailure(policy: RetryPolicy, attempt: number, permanent: boolean, now: Date, random = Math.random): AttemptOutcome {
  if (permanent || attempt >= policy.maxAttempts) return { kind: 'dead-letter' };
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential * (0.8 + 0.4 * random());
  return { kind: 'retry', at: new Date(now.getTime() + Math.round(jittered)) };
}

/** Error text kept for the tenant administrator, without addresses or numbers a provider may echo back. */
export function redactError(message: string): string {
  return message
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '<email>')
    .replace(/\+?\d[\d -]{6,}\d/g, '<number>')
    .slice(0, 1_000);
}
