import { formatReference } from '../reference-number';
import { initialDeadlines } from '../regulatory-clock';
import { clockPolicyOfTenant } from '../clock-policy';

describe('formatReference', () => {
  it.each([
    ['2026-11-25T08:00:00Z', 42, 'TS20261125-000042'],
    // 23:30 UTC on the 31st is already 1 January in China.
    ['2026-12-31T23:30:00Z', 1, 'TS20270101-000001'],
    ['2026-11-24T15:59:59Z', 999999, 'TS20261124-999999'],
  ])('%s #%i → %s', (at, seq, expected) => {
    expect(formatReference(new Date(at), seq)).toBe(expected);
  });

  it('puts the lender\'s short code in front when it has one', () => {
    expect(formatReference(new Date('2026-11-25T08:00:00Z'), 42, 'NWD')).toBe('NWD-TS20261125-000042');
  });
});

describe('initialDeadlines', () => {
  it.each([
    ['2026-11-25T08:00:00.000Z', '2026-11-26T08:00:00.000Z', '2026-12-10T08:00:00.000Z'],
    ['2026-12-20T10:00:00.000Z', '2026-12-21T10:00:00.000Z', '2027-01-04T10:00:00.000Z'],
    ['2028-02-20T00:00:00.000Z', '2028-02-21T00:00:00.000Z', '2028-03-06T00:00:00.000Z'],
  ])('received %s → first reply %s, decision %s', (received, firstReply, decision) => {
    const due = initialDeadlines(new Date(received));
    expect(due.firstReplyDueAt.toISOString()).toBe(firstReply);
    expect(due.decisionDueAt.toISOString()).toBe(decision);
  });
});

describe('clockPolicyOfTenant', () => {
  const regulatory = { firstReplyHours: 24, decisionDays: 15, complexExtensionDays: 15, seniorExtensionDays: 30, warningHours: 4 };

  it('turns added days into allowances in all', () => {
    expect(clockPolicyOfTenant({ ...regulatory, firstReplyHours: 12, decisionDays: 10, complexExtensionDays: 10 })).toEqual({
      firstReplyHours: 12,
      decisionDays: 10,
      complexDecisionDays: 20,
      furtherExtensionDays: 30,
      warningBeforeHours: 4,
    });
  });

  it.each([
    ['a warning as long as the first reply', { ...regulatory, firstReplyHours: 4 }, 'clockPolicy.warningBeforeHours'],
    ['a looser decision', { ...regulatory, decisionDays: 20 }, 'clockPolicy.decisionDays: 20 days is looser than the regulatory 15 days'],
  ])('refuses %s', (_case, policy, message) => {
    expect(() => clockPolicyOfTenant(policy)).toThrow(message);
  });
});
