import { ValidationError } from '@redress/domain-kit';
import { parseCalendarDate, type CalendarDate } from './calendar-date';
import { minOf } from './exact-arithmetic';
import { annualRate, nonNegativeAmount, principalAmount, repaymentMethod, termMonths } from './loan-terms';
import { buildSchedule, type RepaymentSchedule } from './repayment-schedule';

export const RELIEF_KINDS = ['NONE', 'REDUCE', 'WAIVE'] as const;
export type ReliefKind = (typeof RELIEF_KINDS)[number];

/** The hardship options of DOMAIN.md a proposed plan applies, derived from what it changes. */
export type HardshipOption =
  | 'EXTEND_TERM'
  | 'PAY_ARREARS_IN_INSTALMENTS'
  | 'REDUCE_PENALTY_INTEREST'
  | 'WAIVE_PENALTY_INTEREST'
  | 'REDUCE_LATE_FEES'
  | 'WAIVE_LATE_FEES';

export interface ReliefInput {
  relief: string;
  reductionMinor?: number | null;
}

export interface PlanComparisonInput {
  currency: string;
  outstandingPrincipalMinor: number;
  overdueInterestMinor?: number | null;
  penaltyInterestMinor?: number | null;
  lateFeesMinor?: number | null;
  current: { annualRateBps: number; remainingTermMonths: number; method: string; nextDueDate: string; monthlyFeeMinor?: number | null };
  proposed: {
    annualRateBps: number;
    termMonths: number;
    method: string;
    firstDueDate: string;
    monthlyFeeMinor?: number | null;
    spreadArrears: boolean;
    penaltyInterest?: ReliefInput | null;
    lateFees?: ReliefInput | null;
  };
}

export interface PlanComparison {
  currency: string;
  current: RepaymentSchedule;
  proposed: RepaymentSchedule;
  optionsApplied: HardshipOption[];
  penaltyInterestReliefMinor: bigint;
  lateFeesReliefMinor: bigint;
  /** Proposed minus current: negative means the borrower pays less. */
  costDifferenceMinor: bigint;
  highestMonthlyDifferenceMinor: bigint;
}

const CURRENCY = /^[A-Z]{3}$/;

function relief(field: string, input: ReliefInput | null | undefined, owedMinor: bigint): { kind: ReliefKind; amount: bigint } {
  const kind = (input?.relief ?? 'NONE') as ReliefKind;
  if (!RELIEF_KINDS.includes(kind)) throw new ValidationError(`${field}.relief`, `must be one of ${RELIEF_KINDS.join(', ')}`);
  if (kind === 'NONE') return { kind, amount: 0n };
  if (kind === 'WAIVE') return { kind, amount: owedMinor };
  const reduction = nonNegativeAmount(`${field}.reductionMinor`, input?.reductionMinor);
  if (reduction === 0n) throw new ValidationError(`${field}.reductionMinor`, 'a reduction must be more than zero');
  if (reduction > owedMinor) throw new ValidationError(`${field}.reductionMinor`, `is more than is owed (${owedMinor} fen); waive it instead`);
  return { kind, amount: minOf(reduction, owedMinor) };
}

/**
 * The borrower's current plan against the proposed one. Current: the outstanding principal over
 * the remaining term, every arrear due with the next instalment. Proposed: the principal over the
 * new term, arrears after any reduction or waiver either with the first instalment or spread.
 */
export function comparePlans(input: PlanComparisonInput): PlanComparison {
  if (!CURRENCY.test(input.currency)) throw new ValidationError('input.currency', 'must be an ISO 4217 code such as CNY');
  const principal = principalAmount('input.outstandingPrincipalMinor', input.outstandingPrincipalMinor);
  const overdueInterest = nonNegativeAmount('input.overdueInterestMinor', input.overdueInterestMinor);
  const penalty = nonNegativeAmount('input.penaltyInterestMinor', input.penaltyInterestMinor);
  const lateFees = nonNegativeAmount('input.lateFeesMinor', input.lateFeesMinor);
  const c = input.current;
  const p = input.proposed;
  const current = buildSchedule({
    principalMinor: principal,
    annualRateBps: annualRate('input.current.annualRateBps', c.annualRateBps),
    termMonths: termMonths('input.current.remainingTermMonths', c.remainingTermMonths),
    method: repaymentMethod('input.current.method', c.method),
    firstDueDate: parseCalendarDate('input.current.nextDueDate', c.nextDueDate),
    monthlyFeeMinor: nonNegativeAmount('input.current.monthlyFeeMinor', c.monthlyFeeMinor),
    arrearsMinor: overdueInterest + penalty + lateFees,
    spreadArrears: false,
  });
  const penaltyRelief = relief('input.proposed.penaltyInterest', p.penaltyInterest, penalty);
  const lateFeeRelief = relief('input.proposed.lateFees', p.lateFees, lateFees);
  const proposedTerm = termMonths('input.proposed.termMonths', p.termMonths);
  const firstDueDate: CalendarDate = parseCalendarDate('input.proposed.firstDueDate', p.firstDueDate);
  const proposed = buildSchedule({
    principalMinor: principal,
    annualRateBps: annualRate('input.proposed.annualRateBps', p.annualRateBps),
    termMonths: proposedTerm,
    method: repaymentMethod('input.proposed.method', p.method),
    firstDueDate,
    monthlyFeeMinor: nonNegativeAmount('input.proposed.monthlyFeeMinor', p.monthlyFeeMinor),
    arrearsMinor: overdueInterest + penalty - penaltyRelief.amount + lateFees - lateFeeRelief.amount,
    spreadArrears: p.spreadArrears,
  });
  const optionsApplied: HardshipOption[] = [];
  if (proposed.endDate > current.endDate) optionsApplied.push('EXTEND_TERM');
  if (p.spreadArrears && proposed.terms.arrearsMinor > 0n && proposedTerm > 1) optionsApplied.push('PAY_ARREARS_IN_INSTALMENTS');
  if (penaltyRelief.kind !== 'NONE' && penaltyRelief.amount > 0n) optionsApplied.push(`${penaltyRelief.kind}_PENALTY_INTEREST` as HardshipOption);
  if (lateFeeRelief.kind !== 'NONE' && lateFeeRelief.amount > 0n) optionsApplied.push(`${lateFeeRelief.kind}_LATE_FEES` as HardshipOption);
  return {
    currency: input.currency,
    current,
    proposed,
    optionsApplied,
    penaltyInterestReliefMinor: penaltyRelief.amount,
    lateFeesReliefMinor: lateFeeRelief.amount,
    costDifferenceMinor: proposed.totals.costMinor - current.totals.costMinor,
    highestMonthlyDifferenceMinor: proposed.highestMonthlyMinor - current.highestMonthlyMinor,
  };
}
