import { DEFAULT_REFUND_POLICY, type RefundPolicy } from '../../../policy/domain/refund-policy';
import { daysBetween, evaluate, type EvaluationSubject } from '../evaluation';

const policy: RefundPolicy = DEFAULT_REFUND_POLICY;
const requestedAt = new Date('2026-11-25T02:00:00Z'); // 10:00 in Shanghai
const charge = (overrides: Partial<NonNullable<EvaluationSubject['charge']>> = {}) => ({
  reference: 'NWD-FEE-0001',
  amount: { amountMinor: 38_000, currency: 'CNY' },
  chargedAt: new Date('2026-10-20T02:00:00Z'),
  committedMinor: 0,
  ...overrides,
});
const subject = (overrides: Partial<EvaluationSubject> = {}): EvaluationSubject => ({
  amount: { amountMinor: 38_000, currency: 'CNY' },
  feeType: 'SERVICE_FEE',
  circumstances: [],
  requestedAt,
  charge: charge(),
  locale: 'zh-CN',
  ...overrides,
});

describe('evaluate: the policy applied line by line', () => {
  it.each<[string, Partial<EvaluationSubject>, 'ELIGIBLE' | 'INELIGIBLE', string | null]>([
    ['a service fee within 180 days', {}, 'ELIGIBLE', null],
    ['a fee type the lender does not refund', { feeType: 'LATE_FEE_NOT_IN_POLICY' }, 'INELIGIBLE', 'FEE_TYPE_REFUNDABLE'],
    ['a membership fee after 30 days', { feeType: 'MEMBERSHIP_FEE' }, 'INELIGIBLE', 'WITHIN_TIME_LIMIT'],
    ['a membership fee on day 30 exactly', { feeType: 'MEMBERSHIP_FEE', charge: charge({ chargedAt: new Date('2026-10-26T01:00:00Z') }) }, 'ELIGIBLE', null],
    ['a membership fee whose benefits were used', { feeType: 'MEMBERSHIP_FEE', circumstances: ['BENEFITS_USED'], charge: charge({ chargedAt: new Date('2026-11-20T00:00:00Z') }) }, 'INELIGIBLE', 'NO_EXCLUDING_EVENT'],
    ['a circumstance the rule does not name', { circumstances: ['BENEFITS_USED'] }, 'ELIGIBLE', null],
    ['interest charged in error years ago', { feeType: 'INTEREST_CHARGED_IN_ERROR', charge: charge({ chargedAt: new Date('2023-01-01T00:00:00Z') }) }, 'ELIGIBLE', null],
    ['more than is left of the charge', { charge: charge({ committedMinor: 10_000 }) }, 'INELIGIBLE', 'AMOUNT_WITHIN_CHARGE'],
    ['exactly what is left of the charge', { amount: { amountMinor: 28_000, currency: 'CNY' }, charge: charge({ committedMinor: 10_000 }) }, 'ELIGIBLE', null],
    ['a currency the charge is not in', { amount: { amountMinor: 100, currency: 'USD' } }, 'INELIGIBLE', 'AMOUNT_WITHIN_CHARGE'],
    ['no charge on record yet', { charge: null }, 'INELIGIBLE', 'CHARGE_RECORDED'],
  ])('%s', (_name, overrides, verdict, failedRule) => {
    const result = evaluate(policy, 3, subject(overrides), requestedAt);
    expect(result.verdict).toBe(verdict);
    expect(result.policyVersion).toBe(3);
    const failed = result.lines.filter((l) => l.outcome === 'FAILED').map((l) => l.rule);
    expect(failed).toEqual(failedRule ? [failedRule] : []);
    for (const line of result.lines) {
      expect(line.detail.length).toBeGreaterThan(10);
      expect(line.plainWords.length).toBeGreaterThan(5);
    }
  });

  it('explains to the borrower in plain words, in their language', () => {
    const late = subject({ feeType: 'MEMBERSHIP_FEE' });
    const zh = evaluate(policy, 1, late, requestedAt).lines.find((l) => l.rule === 'WITHIN_TIME_LIMIT')!;
    expect(zh.plainWords).toBe('您在扣费后第 36 天提出申请，已超过 30 天的申请期限。');
    expect(zh.detail).toBe('Requested 36 days after the charge (days in Asia/Shanghai); the limit is 30.');
    const en = evaluate(policy, 1, { ...late, locale: 'en' }, requestedAt).lines.find((l) => l.rule === 'WITHIN_TIME_LIMIT')!;
    expect(en.plainWords).toBe('You asked 36 days after the charge, after the 30-day limit.');
    const tw = evaluate(policy, 1, { ...late, locale: 'zh-TW' }, requestedAt).lines.find((l) => l.rule === 'WITHIN_TIME_LIMIT')!;
    expect(tw.plainWords).toContain('申請期限');
  });

  it('says how many approvers are needed, without deciding the verdict', () => {
    const small = evaluate(policy, 1, subject(), requestedAt).lines.at(-1)!;
    expect(small).toMatchObject({ rule: 'APPROVALS_REQUIRED', outcome: 'INFO' });
    expect(small.plainWords).toBe('由一位工作人员审批。');
    const big = evaluate(policy, 1, subject({ amount: { amountMinor: 600_000, currency: 'CNY' }, charge: charge({ amount: { amountMinor: 900_000, currency: 'CNY' } }) }), requestedAt);
    expect(big.verdict).toBe('ELIGIBLE');
    expect(big.lines.at(-1)!.plainWords).toBe('金额较大，需要两位工作人员分别审批。');
  });

  it.each([
    ['2026-11-24T15:59:00Z', '2026-11-24T16:01:00Z', 'Asia/Shanghai', 1],
    ['2026-11-24T15:59:00Z', '2026-11-24T16:01:00Z', 'UTC', 0],
    ['2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'Asia/Shanghai', 0],
    ['2026-01-01T04:00:00Z', '2026-12-31T04:00:00Z', 'Asia/Shanghai', 364],
  ])('counts calendar days from %s to %s in %s as %i', (from, to, zone, days) => {
    expect(daysBetween(new Date(from), new Date(to), zone)).toBe(days);
  });
});
