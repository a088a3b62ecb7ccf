import { nextPayoutState, refundStatusFor, retryDelayMs, type ProviderOutcome } from '../payout-attempt';

describe('payout attempts', () => {
  const retry = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [7, 60_000],
    [40, 60_000],
  ])('waits about %i attempts → %i ms (never more than the cap)', (attempts, ms) => {
    expect(retryDelayMs(attempts, retry, () => 1)).toBe(ms);
    expect(retryDelayMs(attempts, retry, () => 0)).toBe(Math.round(ms * 0.8));
  });

  it.each<[ProviderOutcome, string | null]>([
    [{ kind: 'settled', state: 'PAID', providerReference: 'P1', reason: null }, 'PAID'],
    [{ kind: 'settled', state: 'FAILED', providerReference: null, reason: '账户已注销' }, 'FAILED'],
    [{ kind: 'declined', reason: 'HTTP 422' }, 'FAILED'],
    [{ kind: 'processing', providerReference: 'P1' }, null],
    // An unknown outcome may have paid: it is retried with the same payout id, never failed.
    [{ kind: 'unknown', reason: 'timeout' }, null],
  ])('%j → %s', (outcome, state) => {
    expect(nextPayoutState(outcome)?.state ?? null).toBe(state);
  });

  it('moves the refund with its payout', () => {
    expect(['PENDING', 'PAID', 'FAILED', 'REVERSED'].map((s) => refundStatusFor(s as never))).toEqual(['APPROVED', 'PAID', 'PAYOUT_FAILED', 'PAYOUT_REVERSED']);
  });
});
