/**
 * The annualised comprehensive cost (年化综合资金成本) of a loan, by the internal-rate-of-return
 * method: the monthly rate i at which the money the borrower actually received equals the present
 * value of everything they pay, Σ payment_k / (1 + i)^k; the annual figure is 12 × i.
 *
 * This is the actuarial method of US Regulation Z, Appendix J (b)(1): "the nominal annual
 * percentage rate determined by multiplying the unit-period rate by the number of unit-periods in
 * a year" (https://www.consumerfinance.gov/rules-policy/regulations/1026/J/), and the IRR method
 * the People's Bank of China requires lenders to disclose annualised rates with (中国人民银行公告
 * 〔2021〕第3号): interest and every fee count, measured against the amount actually received.
 */

/** Above this the comprehensive cost breaks the cap lenders in China are held to. */
export const COMPREHENSIVE_COST_CAP = 0.24;

export interface CashFlowPlan {
  /** What the borrower actually received at the start (principal less fees taken up front), in fen. */
  receivedMinor: bigint;
  /** Payments at the end of month 1, 2, …, in fen. */
  paymentsMinor: readonly bigint[];
}

function presentValue(plan: CashFlowPlan, monthlyRate: number): number {
  let pv = 0;
  let factor = 1;
  for (const p of plan.paymentsMinor) {
    factor /= 1 + monthlyRate;
    pv += Number(p) * factor;
  }
  return pv;
}

/**
 * The monthly IRR by bisection: the present value falls as the rate rises, so halving the bracket
 * 200 times pins the root to the limits of double precision, with no risk of Newton's method
 * wandering off. Returns null when the payments do not even repay what was received (the cost is
 * negative) or nothing was received.
 */
export function monthlyInternalRate(plan: CashFlowPlan): number | null {
  const received = Number(plan.receivedMinor);
  const paid = plan.paymentsMinor.reduce((a, p) => a + Number(p), 0);
  if (received <= 0 || paid < received) return null;
  let low = 0;
  let high = 1;
  while (presentValue(plan, high) > received) high *= 2;
  for (let step = 0; step < 200; step += 1) {
    const mid = (low + high) / 2;
    if (presentValue(plan, mid) > received) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

export interface ComprehensiveCost {
  /** 12 × the monthly IRR, as a fraction (0.0969 is 9.69%). */
  annualRate: number;
  /** The same, in basis points rounded half up (969). */
  annualRateBps: number;
  exceedsCap: boolean;
}

export function comprehensiveCost(plan: CashFlowPlan): ComprehensiveCost | null {
  const monthly = monthlyInternalRate(plan);
  if (monthly === null) return null;
  const annualRate = monthly * 12;
  return { annualRate, annualRateBps: Math.round(annualRate * 10_000), exceedsCap: annualRate > COMPREHENSIVE_COST_CAP };
}
