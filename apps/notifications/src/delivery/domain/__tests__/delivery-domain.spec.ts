import { afterFailure, redactError } from '../retry-policy';
import { signWebhook, verifyWebhook } from '../webhook-signature';

describe('retries', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 };
  const now = new Date('2026-11-25T08:00:00Z');

  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
  ])('after attempt %i waits about %i ms', (attempt, delay) => {
    const outcome = afterFailure(policy, attempt, false, now, () => 0.5);
    expect(outcome).toEqual({ kind: 'retry', at: new Date(now.getTime() + delay) });
  });

  it('caps the wait, jitters it within ±20%, and gives up after the last attempt or a permanent failure', () => {
    const big = { ...policy, maxAttempts: 20 };
    const low = afterFailure(big, 10, false, now, () => 0) as { at: Date };
    const high = afterFailure(big, 10, false, now, () => 1) as { at: Date };
    expect(low.at.getTime() - now.getTime()).toBe(4_000);
    expect(high.at.getTime() - now.getTime()).toBe(6_000);
    expect(afterFailure(policy, 4, false, now)).toEqual({ kind: 'dead-letter' });
    expect(afterFailure(policy, 1, true, now)).toEqual({ kind: 'dead-letter' });
  });

  it('keeps addresses and phone numbers out of the stored reason', () => {
    expect(redactError('550 5.1.1 <wangxy@example.cn>: mailbox unavailable; +86 138 1234 1234')).toBe('550 5.1.1 <<email>>: mailbox unavailable; <number>');
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_niwodai_0123456789';
  const body = JSON.stringify({ deliveryId: 'n-1', subject: '我们已收到您的投诉' });

  it('verifies a fresh signature once, then refuses the same delivery replayed', () => {
    const seen = new Set<string>();
    const header = signWebhook(secret, body, 1_764_057_600);
    const ok = verifyWebhook({ secret, signatureHeader: header, deliveryHeader: 'n-1', body, nowSeconds: 1_764_057_610, seen });
    expect(ok).toEqual({ ok: true, deliveryId: 'n-1' });
    expect(verifyWebhook({ secret, signatureHeader: header, deliveryHeader: 'n-1', body, nowSeconds: 1_764_057_620, seen })).toEqual({ ok: false, reason: 'replayed' });
  });

  it.each([
    ['a changed body', { body: body.replace('收到', '受理') }, 'bad-signature'],
    ['another secret', { secret: 'whsec_other_000000000' }, 'bad-signature'],
    ['an old timestamp', { nowSeconds: 1_764_057_600 + 301 }, 'stale'],
    ['no signature', { signatureHeader: undefined }, 'malformed'],
  ])('refuses %s', (_, over, reason) => {
    const header = signWebhook(secret, body, 1_764_057_600);
    const verdict = verifyWebhook({ secret, signatureHeader: header, deliveryHeader: 'n-2', body, nowSeconds: 1_764_057_600, seen: new Set(), ...over });
    expect(verdict).toEqual({ ok: false, reason });
  });
});
