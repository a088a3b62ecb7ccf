import { feeBreakdown, type FeeBreakdownInput } from '../fee-breakdown';

const input: FeeBreakdownInput = {
  currency: 'CNY',
  principalMinor: 1_200_000,
  annualRateBps: 1200,
  termMonths: 12,
  method: 'EQUAL_PRINCIPAL',
  disbursedOn: '2026-01-15',
  overdueSince: '2026-08-15',
  asOf: '2026-10-14',
  penaltyAnnualRateBps: 1800,
  lateFeePerInstalmentMinor: 5_000,
};

describe('fee transparency for an overdue loan', () => {
  it('breaks the amount down line by line, each with formula, inputs and period', () => {
    const b = feeBreakdown(input);
    // Equal principal of 12,000 yuan: 1,000 yuan a month; instalments 7 (15 Aug) and 8 (15 Sep) are unpaid.
    expect(b.overdueInstalments.map((i) => i.number)).toEqual([7, 8]);
    const line = (kind: string) => b.lines.find((l) => l.kind === kind)!;
    expect(line('PRINCIPAL').amountMinor).toBe(200_000n);
    // Interest 1% of the balance before each: 6,000 and 5,000 yuan → 60 + 50 yuan.
    expect(line('INTEREST').amountMinor).toBe(11_000n);
    // Penalty: 1,000 × 18% ÷ 360 × 60 days = 30.00; 1,000 × 18% ÷ 360 × 29 days = 14.50.
    expect(line('PENALTY_INTEREST').amountMinor).toBe(4_450n);
    expect(line('PENALTY_INTEREST').inputs).toContainEqual({ name: 'penalty#7', value: '1000.00 × 18.00% ÷ 360 × 60 = 30.00' });
    expect(line('LATE_FEE').amountMinor).toBe(10_000n);
    expect(line('PENALTY_INTEREST')).toMatchObject({ periodFrom: '2026-08-15', periodTo: '2026-10-14', days: 60 });
    expect(line('PENALTY_INTEREST').formulaZhCn).toContain('罚息');
    expect(b.totalDueMinor).toBe(200_000n + 11_000n + 4_450n + 10_000n);
    expect(b.comprehensiveCost!.annualRateBps).toBe(1200);
    expect(b.flags).toEqual([]);
  });

  it('flags a comprehensive cost above 24%, a penalty rate above 24% and the court-protected ceiling', () => {
    const b = feeBreakdown({ ...input, upfrontFeesMinor: 60_000, monthlyFeeMinor: 6_000, penaltyAnnualRateBps: 3600, oneYearLprBps: 300 });
    expect(b.comprehensiveCost!.annualRate).toBeGreaterThan(0.24);
    expect(b.flags).toEqual(['COMPREHENSIVE_COST_ABOVE_24_PERCENT', 'PENALTY_RATE_ABOVE_24_PERCENT', 'ABOVE_COURT_PROTECTED_CEILING']);
    expect(b.courtProtectedCeiling).toBeCloseTo(0.12);
    expect(b.lines.find((l) => l.kind === 'SERVICE_FEE')!.amountMinor).toBe(12_000n);
  });

  it.each([
    ['zero principal', { principalMinor: 0 }, 'input.principalMinor'],
    ['a penalty rate of 500%', { penaltyAnnualRateBps: 50_000 }, 'input.penaltyAnnualRateBps'],
    ['a term over 120 months', { termMonths: 121 }, 'input.termMonths'],
    ['as of a day before it was overdue', { asOf: '2026-08-01' }, 'input.asOf'],
    ['a day-count basis of 366', { dayCountBasis: 366 }, 'input.dayCountBasis'],
    ['fees taken up front above the principal', { upfrontFeesMinor: 1_200_000 }, 'input.upfrontFeesMinor'],
  ])('refuses %s, naming the field', (_name, change, field) => {
    expect(() => feeBreakdown({ ...input, ...change })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });
});
