import type { PayoutState } from '@redress/contracts';

/** What the provider said about one payout, or that nobody knows (timeout, connection lost, 5xx). */
export type ProviderOutcome =
  | { kind: 'settled'; state: Exclude<PayoutState, 'PENDING'>; providerReference: string | null; reason: string | null }
  | { kind: 'processing'; providerReference: string | null }
  | { kind: 'unknown'; reason: string }
  | { kind: 'declined'; reason: string };

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before the next attempt: exponential from the base, capped, with up to 20% jitter so many
 * payouts failing together do not all come back at once. A payout whose outcome is unknown is
 * never given up on (giving up and paying again could pay twice); its clock escalates instead.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.2 * random()));
}

/** How the payout and the refund move on an outcome: the new payout state, or null to try again later. */
export function nextPayoutState(outcome: ProviderOutcome): { state: PayoutState; reason: string | null } | null {
  switch (outcome.kind) {
    case 'settled':
      return { state: outcome.state, reason: outcome.reason };
    case 'declined':
      return { state: 'FAILED', reason: outcome.reason };
    case 'processing':
    case 'unknown':
      return null;
  }
}

export function refundStatusFor(state: PayoutState): 'APPROVED' | 'PAID' | 'PAYOUT_FAILED' | 'PAYOUT_REVERSED' {
  return ({ PENDING: 'APPROVED', PAID: 'PAID', FAILED: 'PAYOUT_FAILED', REVERSED: 'PAYOUT_REVERSED' } as const)[state];
}
