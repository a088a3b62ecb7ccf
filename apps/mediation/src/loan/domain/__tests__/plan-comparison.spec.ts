import { comparePlans, type PlanComparisonInput } from '../plan-comparison';

const base: PlanComparisonInput = {
  currency: 'CNY',
  outstandingPrincipalMinor: 2_400_000,
  overdueInterestMinor: 36_000,
  penaltyInterestMinor: 12_960,
  lateFeesMinor: 20_000,
  current: { annualRateBps: 1800, remainingTermMonths: 6, method: 'EQUAL_INSTALMENT', nextDueDate: '2026-12-10' },
  proposed: { annualRateBps: 1800, termMonths: 24, method: 'EQUAL_INSTALMENT', firstDueDate: '2026-12-10', spreadArrears: true },
};

describe('old plan against new', () => {
  it.each([
    ['no relief: arrears carried whole', {}, 0, 0, ['EXTEND_TERM', 'PAY_ARREARS_IN_INSTALMENTS']],
    ['penalty interest and late fees waived', { penaltyInterest: { relief: 'WAIVE' }, lateFees: { relief: 'WAIVE' } }, 12_960, 20_000, ['EXTEND_TERM', 'PAY_ARREARS_IN_INSTALMENTS', 'WAIVE_PENALTY_INTEREST', 'WAIVE_LATE_FEES']],
    ['penalty interest reduced by half', { penaltyInterest: { relief: 'REDUCE', reductionMinor: 6_480 } }, 6_480, 0, ['EXTEND_TERM', 'PAY_ARREARS_IN_INSTALMENTS', 'REDUCE_PENALTY_INTEREST']],
  ])('%s', (_name, relief, penaltyRelief, lateRelief, options) => {
    const c = comparePlans({ ...base, proposed: { ...base.proposed, ...relief } });
    expect(c.penaltyInterestReliefMinor).toBe(BigInt(penaltyRelief));
    expect(c.lateFeesReliefMinor).toBe(BigInt(lateRelief));
    expect(c.optionsApplied).toEqual(options);
    const arrears = 36_000n + 12_960n + 20_000n;
    expect(c.current.totals.arrearsMinor).toBe(arrears);
    expect(c.proposed.totals.arrearsMinor).toBe(arrears - BigInt(penaltyRelief) - BigInt(lateRelief));
    expect(c.current.totals.principalMinor).toBe(2_400_000n);
    expect(c.proposed.totals.principalMinor).toBe(2_400_000n);
    expect(c.costDifferenceMinor).toBe(c.proposed.totals.costMinor - c.current.totals.costMinor);
    expect(c.proposed.endDate).toBe('2028-11-10');
    expect(c.current.endDate).toBe('2027-05-10');
    // Longer term, lower month: the point of the plan.
    expect(c.proposed.highestMonthlyMinor < c.current.highestMonthlyMinor).toBe(true);
  });

  it('a zero-rate plan with everything waived costs nothing beyond the overdue interest', () => {
    const c = comparePlans({
      ...base,
      proposed: { ...base.proposed, annualRateBps: 0, penaltyInterest: { relief: 'WAIVE' }, lateFees: { relief: 'WAIVE' } },
    });
    expect(c.proposed.totals.costMinor).toBe(36_000n);
    expect(c.proposed.totals.interestMinor).toBe(0n);
  });

  it.each([
    ['zero principal', { outstandingPrincipalMinor: 0 }, 'input.outstandingPrincipalMinor'],
    ['negative principal', { outstandingPrincipalMinor: -100 }, 'input.outstandingPrincipalMinor'],
    ['a term of 0', { proposed: { ...base.proposed, termMonths: 0 } }, 'input.proposed.termMonths'],
    ['a term of 121 months', { proposed: { ...base.proposed, termMonths: 121 } }, 'input.proposed.termMonths'],
    ['a rate of 150%', { proposed: { ...base.proposed, annualRateBps: 15_000 } }, 'input.proposed.annualRateBps'],
    ['a negative rate', { current: { ...base.current, annualRateBps: -1 } }, 'input.current.annualRateBps'],
    ['a reduction above what is owed', { proposed: { ...base.proposed, lateFees: { relief: 'REDUCE', reductionMinor: 20_001 } } }, 'input.proposed.lateFees.reductionMinor'],
    ['a date that does not exist', { proposed: { ...base.proposed, firstDueDate: '2027-02-30' } }, 'input.proposed.firstDueDate'],
  ])('refuses %s, naming the field', (_name, change, field) => {
    expect(() => comparePlans({ ...base, ...change } as PlanComparisonInput)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });
});
