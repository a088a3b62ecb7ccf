import { DEFAULT_REFUND_POLICY, parseRefundPolicy } from '../refund-policy';

describe('refund policy', () => {
  it('accepts the default policy', () => {
    expect(parseRefundPolicy(DEFAULT_REFUND_POLICY)).toEqual({ ok: true, policy: DEFAULT_REFUND_POLICY });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown fee type', { feeTypes: [{ feeType: 'TEA_MONEY', withinDaysOfCharge: 10 }] }, 'feeTypes.0.feeType'],
    ['a fee type listed twice', { feeTypes: [DEFAULT_REFUND_POLICY.feeTypes[0], DEFAULT_REFUND_POLICY.feeTypes[0]] }, 'feeTypes.1.feeType'],
    ['no payout method', { payoutMethods: [] }, 'payoutMethods'],
    ['a zero review time', { reviewWithinHours: 0 }, 'reviewWithinHours'],
    ['a time zone that does not exist', { timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('refuses %s, naming where', (_name, change, path) => {
    const result = parseRefundPolicy({ ...DEFAULT_REFUND_POLICY, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path);
  });
});
