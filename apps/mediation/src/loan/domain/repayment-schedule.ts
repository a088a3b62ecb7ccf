import { addMonths, type CalendarDate } from './calendar-date';
import { divideDown, divideHalfUp, maxOf, minOf, sum } from './exact-arithmetic';
import type { RepaymentMethod } from './loan-terms';

/**
 * The rounding rule, stated once and shown to borrowers with every schedule.
 * - Monthly rate = annual rate ÷ 12 (月利率 = 年利率 ÷ 12), kept as an exact fraction.
 * - Each month's interest = outstanding balance × monthly rate, rounded half up to the fen.
 * - Regular instalments are rounded down to the fen: the equal-instalment payment, the
 *   equal-principal share (principal ÷ months), and the share of arrears spread over the plan.
 * - The last instalment pays the whole remaining balance, arrears and its interest, so it absorbs
 *   every remainder: the principal parts add up to the principal exactly, and the totals reconcile.
 */
export const ROUNDING_RULE =
  'Monthly interest = outstanding balance × annual rate ÷ 12, rounded half up to the fen. Regular instalments (the equal payment, ' +
  'the equal principal share, the share of spread arrears) are rounded down to the fen; the last instalment pays everything ' +
  'that remains, so it absorbs every remainder and the totals reconcile to the fen.';

/** 12 months × 10,000 basis points: a monthly rate of `bps` is bps / 120000. */
const MONTHLY_DENOMINATOR = 120_000n;

export interface PlanTerms {
  principalMinor: bigint;
  annualRateBps: number;
  termMonths: number;
  method: RepaymentMethod;
  firstDueDate: CalendarDate;
  /** A flat service fee charged with every instalment (0 when none). */
  monthlyFeeMinor: bigint;
  /** Amounts already due (overdue interest, penalty interest, late fees) carried into the plan. */
  arrearsMinor: bigint;
  /** Pay the arrears in equal shares with the instalments (true) or with the first one (false). */
  spreadArrears: boolean;
}

export interface Instalment {
  number: number;
  dueDate: CalendarDate;
  principalMinor: bigint;
  interestMinor: bigint;
  feeMinor: bigint;
  arrearsMinor: bigint;
  totalMinor: bigint;
  balanceAfterMinor: bigint;
}

export interface ScheduleTotals {
  principalMinor: bigint;
  interestMinor: bigint;
  feesMinor: bigint;
  arrearsMinor: bigint;
  /** Everything the borrower pays. */
  totalMinor: bigint;
  /** Everything beyond the principal: interest, fees and arrears. */
  costMinor: bigint;
}

export interface RepaymentSchedule {
  terms: PlanTerms;
  instalments: Instalment[];
  totals: ScheduleTotals;
  endDate: CalendarDate;
  /** The most due in any one month: what the borrower must be able to afford. */
  highestMonthlyMinor: bigint;
}

/** The level payment P·r·(1+r)^n / ((1+r)^n − 1) with r = bps/120000, computed exactly, rounded down. */
export function levelPayment(principalMinor: bigint, annualRateBps: number, months: number): bigint {
  const n = BigInt(months);
  if (annualRateBps === 0) return divideDown(principalMinor, n);
  const b = BigInt(annualRateBps);
  const grown = (MONTHLY_DENOMINATOR + b) ** n;
  const base = MONTHLY_DENOMINATOR ** n;
  return divideDown(principalMinor * b * grown, MONTHLY_DENOMINATOR * (grown - base));
}

export function monthlyInterest(balanceMinor: bigint, annualRateBps: number): bigint {
  return divideHalfUp(balanceMinor * BigInt(annualRateBps), MONTHLY_DENOMINATOR);
}

/** Builds the schedule; terms are assumed validated (see loan-terms.ts). */
export function buildSchedule(terms: PlanTerms): RepaymentSchedule {
  const n = terms.termMonths;
  const payment = levelPayment(terms.principalMinor, terms.annualRateBps, n);
  const principalShare = divideDown(terms.principalMinor, BigInt(n));
  const arrearsShare = terms.spreadArrears ? divideDown(terms.arrearsMinor, BigInt(n)) : 0n;
  const instalments: Instalment[] = [];
  let balance = terms.principalMinor;
  let arrearsLeft = terms.arrearsMinor;
  for (let k = 1; k <= n; k += 1) {
    const last = k === n;
    const interest = monthlyInterest(balance, terms.annualRateBps);
    let principal: bigint;
    if (last) principal = balance;
    else if (terms.method === 'EQUAL_INSTALMENT') principal = minOf(balance, maxOf(0n, payment - interest));
    else principal = minOf(balance, principalShare);
    let arrears: bigint;
    if (last) arrears = arrearsLeft;
    else if (terms.spreadArrears) arrears = arrearsShare;
    else arrears = k === 1 ? arrearsLeft : 0n;
    balance -= principal;
    arrearsLeft -= arrears;
    instalments.push({
      number: k,
      dueDate: addMonths(terms.firstDueDate, k - 1),
      principalMinor: principal,
      interestMinor: interest,
      feeMinor: terms.monthlyFeeMinor,
      arrearsMinor: arrears,
      totalMinor: principal + interest + terms.monthlyFeeMinor + arrears,
      balanceAfterMinor: balance,
    });
  }
  const totals: ScheduleTotals = {
    principalMinor: sum(instalments.map((i) => i.principalMinor)),
    interestMinor: sum(instalments.map((i) => i.interestMinor)),
    feesMinor: sum(instalments.map((i) => i.feeMinor)),
    arrearsMinor: sum(instalments.map((i) => i.arrearsMinor)),
    totalMinor: sum(instalments.map((i) => i.totalMinor)),
    costMinor: 0n,
  };
  totals.costMinor = totals.totalMinor - totals.principalMinor;
  return {
    terms,
    instalments,
    totals,
    endDate: instalments.at(-1)!.dueDate,
    highestMonthlyMinor: instalments.reduce((m, i) => maxOf(m, i.totalMinor), 0n),
  };
}
