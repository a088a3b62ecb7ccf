import { comprehensiveCost } from '../comprehensive-cost';
import { buildSchedule } from '../repayment-schedule';

const level = (receivedMinor: bigint, paymentMinor: bigint, months: number) => ({
  receivedMinor,
  paymentsMinor: Array.from({ length: months }, () => paymentMinor),
});

/** Regulation Z §1026.22(a)(2): a disclosed APR is accurate within 1/8 of a percentage point. */
const REG_Z_TOLERANCE = 0.00125;

describe('annualised comprehensive cost by IRR, against published worked examples', () => {
  it.each([
    [
      // US Regulation Z, Appendix J, examples of the actuarial method, "Monthly payments (regular
      // first period)": amount advanced $5,000, 24 monthly payments of $230, APR 9.69%.
      // https://www.consumerfinance.gov/rules-policy/regulations/1026/J/
      'Reg Z Appendix J: $5,000, 24 × $230',
      level(500_000n, 23_000n, 24),
      0.0969,
      0.00005,
    ],
    [
      // "Determining the APR", Example 1: a $1,500.00 instalment loan, finance charge $146.25, 18
      // monthly payments; the APR table gives 12.00%.
      // https://cdn.slideserve.com/mbodine/determining-the-apr-powerpoint-ppt-presentation
      // (also https://studylib.net/doc/5614990/find-the-finance-charge-per-%24100)
      'APR table example: $1,500, 18 payments, finance charge $146.25',
      level(150_000n, (150_000n + 14_625n) / 18n, 18),
      0.12,
      REG_Z_TOLERANCE,
    ],
    [
      // Same source, Example 2: $1,899.92 cash price or 12 × $177.83; the APR table gives 22.00%.
      'APR table example: $1,899.92, 12 × $177.83',
      level(189_992n, 17_783n, 12),
      0.22,
      REG_Z_TOLERANCE,
    ],
  ])('%s', (_name, plan, expected, tolerance) => {
    const cost = comprehensiveCost(plan)!;
    expect(Math.abs(cost.annualRate - expected)).toBeLessThanOrEqual(tolerance);
    expect(cost.exceedsCap).toBe(false);
  });

  it('a loan with no fees costs its own rate, to the basis point', () => {
    const s = buildSchedule({
      principalMinor: 1_000_000n,
      annualRateBps: 1800,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      firstDueDate: '2027-01-01',
      monthlyFeeMinor: 0n,
      arrearsMinor: 0n,
      spreadArrears: false,
    });
    expect(comprehensiveCost({ receivedMinor: 1_000_000n, paymentsMinor: s.instalments.map((i) => i.totalMinor) })!.annualRateBps).toBe(1800);
  });

  it('fees taken up front and monthly service fees push a 15.4% loan over the 24% cap', () => {
    const s = buildSchedule({
      principalMinor: 1_000_000n,
      annualRateBps: 1540,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      firstDueDate: '2027-01-01',
      monthlyFeeMinor: 3_000n,
      arrearsMinor: 0n,
      spreadArrears: false,
    });
    const cost = comprehensiveCost({ receivedMinor: 970_000n, paymentsMinor: s.instalments.map((i) => i.totalMinor) })!;
    expect(cost.annualRate).toBeGreaterThan(0.24);
    expect(cost.exceedsCap).toBe(true);
  });

  it('has no rate when nothing was received or less than received is repaid', () => {
    expect(comprehensiveCost(level(0n, 100n, 3))).toBeNull();
    expect(comprehensiveCost(level(1_000n, 100n, 3))).toBeNull();
  });
});
