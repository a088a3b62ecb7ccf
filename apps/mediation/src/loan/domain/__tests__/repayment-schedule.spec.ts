import { buildSchedule, levelPayment, type PlanTerms } from '../repayment-schedule';

const plan = (over: Partial<PlanTerms>): PlanTerms => ({
  principalMinor: 1_000_000n,
  annualRateBps: 1200,
  termMonths: 12,
  method: 'EQUAL_INSTALMENT',
  firstDueDate: '2026-12-15',
  monthlyFeeMinor: 0n,
  arrearsMinor: 0n,
  spreadArrears: false,
  ...over,
});

describe('repayment schedules reconcile to the fen', () => {
  it.each([
    ['equal instalment, 12 months at 12%', plan({})],
    ['equal principal, 12 months at 12%', plan({ method: 'EQUAL_PRINCIPAL' })],
    ['equal instalment, 1 month at 18%', plan({ termMonths: 1, annualRateBps: 1800 })],
    ['equal principal, 1 month at 18%', plan({ termMonths: 1, annualRateBps: 1800, method: 'EQUAL_PRINCIPAL' })],
    ['equal instalment, 60 months at 7.2%', plan({ principalMinor: 12_345_679n, termMonths: 60, annualRateBps: 720 })],
    ['equal principal, 60 months at 7.2%', plan({ principalMinor: 12_345_679n, termMonths: 60, annualRateBps: 720, method: 'EQUAL_PRINCIPAL' })],
    ['equal instalment, 120 months at 23.99%', plan({ principalMinor: 99_999_999n, termMonths: 120, annualRateBps: 2399 })],
    ['zero rate, 3 months', plan({ principalMinor: 100_000n, termMonths: 3, annualRateBps: 0 })],
    ['zero rate, 7 months, equal principal', plan({ principalMinor: 100_001n, termMonths: 7, annualRateBps: 0, method: 'EQUAL_PRINCIPAL' })],
    ['tiny principal over 120 months', plan({ principalMinor: 100n, termMonths: 120, annualRateBps: 0 })],
    ['arrears spread with a monthly fee', plan({ arrearsMinor: 123_457n, spreadArrears: true, monthlyFeeMinor: 1_500n, termMonths: 24 })],
    ['arrears due at once', plan({ arrearsMinor: 123_457n, spreadArrears: false, termMonths: 24 })],
  ])('%s', (_name, terms) => {
    const s = buildSchedule(terms);
    const parts = s.instalments.reduce(
      (a, i) => ({ p: a.p + i.principalMinor, x: a.x + i.interestMinor + i.feeMinor + i.arrearsMinor, t: a.t + i.totalMinor }),
      { p: 0n, x: 0n, t: 0n },
    );
    expect(s.instalments).toHaveLength(terms.termMonths);
    expect(parts.p).toBe(terms.principalMinor);
    expect(s.totals.principalMinor).toBe(terms.principalMinor);
    expect(s.totals.arrearsMinor).toBe(terms.arrearsMinor);
    expect(s.totals.feesMinor).toBe(terms.monthlyFeeMinor * BigInt(terms.termMonths));
    expect(parts.t).toBe(parts.p + parts.x);
    expect(s.totals.totalMinor).toBe(parts.t);
    expect(s.totals.costMinor).toBe(s.totals.totalMinor - terms.principalMinor);
    expect(s.instalments.at(-1)!.balanceAfterMinor).toBe(0n);
    for (const i of s.instalments) {
      expect(i.principalMinor >= 0n && i.interestMinor >= 0n).toBe(true);
      expect(i.totalMinor).toBe(i.principalMinor + i.interestMinor + i.feeMinor + i.arrearsMinor);
    }
    // Every balance is the previous one less this instalment's principal.
    let balance = terms.principalMinor;
    for (const i of s.instalments) {
      balance -= i.principalMinor;
      expect(i.balanceAfterMinor).toBe(balance);
    }
  });
});

describe('the amounts themselves', () => {
  it('10,000 yuan over 12 months at 12%: 888.48 a month (888.4879 rounded down), the last absorbs the rest', () => {
    const s = buildSchedule(plan({}));
    expect(levelPayment(1_000_000n, 1200, 12)).toBe(88_848n);
    expect(s.instalments[0]).toMatchObject({ interestMinor: 10_000n, principalMinor: 78_848n, totalMinor: 88_848n });
    for (const i of s.instalments.slice(0, -1)) expect(i.principalMinor + i.interestMinor).toBe(88_848n);
    expect(s.instalments.at(-1)!.totalMinor).toBe(s.totals.totalMinor - 11n * 88_848n);
    expect(s.instalments.at(-1)!.totalMinor - 88_848n).toBeLessThanOrEqual(12n);
    expect(s.totals.interestMinor).toBe(s.totals.totalMinor - 1_000_000n);
  });

  it('equal principal: 10,000 yuan over 12 months at 12% starts at 933.33 and falls by 8.33 a month', () => {
    const s = buildSchedule(plan({ method: 'EQUAL_PRINCIPAL' }));
    expect(s.instalments[0]).toMatchObject({ principalMinor: 83_333n, interestMinor: 10_000n, totalMinor: 93_333n });
    expect(s.instalments[1]).toMatchObject({ principalMinor: 83_333n, interestMinor: 9_167n });
    expect(s.instalments.at(-1)!.principalMinor).toBe(1_000_000n - 11n * 83_333n);
    expect(s.highestMonthlyMinor).toBe(93_333n);
  });

  it('one month: principal plus one month of interest', () => {
    const s = buildSchedule(plan({ principalMinor: 500_000n, termMonths: 1, annualRateBps: 1800 }));
    expect(s.instalments).toEqual([expect.objectContaining({ principalMinor: 500_000n, interestMinor: 7_500n, totalMinor: 507_500n, dueDate: '2026-12-15' })]);
    expect(s.endDate).toBe('2026-12-15');
  });

  it('zero rate: 1,000 yuan over 3 months is 333.33, 333.33, 333.34 and costs nothing', () => {
    const s = buildSchedule(plan({ principalMinor: 100_000n, termMonths: 3, annualRateBps: 0 }));
    expect(s.instalments.map((i) => i.totalMinor)).toEqual([33_333n, 33_333n, 33_334n]);
    expect(s.totals.costMinor).toBe(0n);
  });

  it('sixty months: due dates keep the day and end five years on; month ends are clamped', () => {
    const s = buildSchedule(plan({ termMonths: 60, firstDueDate: '2027-01-31' }));
    expect(s.instalments[1]!.dueDate).toBe('2027-02-28');
    expect(s.instalments[2]!.dueDate).toBe('2027-03-31');
    expect(s.instalments[13]!.dueDate).toBe('2028-02-29');
    expect(s.endDate).toBe('2031-12-31');
  });

  it('spread arrears: equal shares rounded down, the last takes the remainder', () => {
    const s = buildSchedule(plan({ arrearsMinor: 1_000n, spreadArrears: true, termMonths: 3, annualRateBps: 0, principalMinor: 3_000n }));
    expect(s.instalments.map((i) => i.arrearsMinor)).toEqual([333n, 333n, 334n]);
  });
});
