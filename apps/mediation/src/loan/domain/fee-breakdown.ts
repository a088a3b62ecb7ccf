import { ValidationError } from '@redress/domain-kit';
import { addMonths, daysBetween, parseCalendarDate, type CalendarDate } from './calendar-date';
import { comprehensiveCost, COMPREHENSIVE_COST_CAP, type ComprehensiveCost } from './comprehensive-cost';
import { divideHalfUp, sum } from './exact-arithmetic';
import { annualRate, nonNegativeAmount, principalAmount, repaymentMethod, termMonths } from './loan-terms';
import { buildSchedule, ROUNDING_RULE, type Instalment } from './repayment-schedule';

export const DAY_COUNT_BASES = [360, 365] as const;

export interface FeeBreakdownInput {
  currency: string;
  principalMinor: number;
  /** Fees taken when the loan was paid out (the borrower received the principal less these). */
  upfrontFeesMinor?: number | null;
  annualRateBps: number;
  termMonths: number;
  method: string;
  /** The day the loan was paid out; instalments fall due monthly from a month later. */
  disbursedOn: string;
  monthlyFeeMinor?: number | null;
  /** Every instalment due before this day was paid; those due from it on are unpaid. */
  overdueSince: string;
  asOf: string;
  penaltyAnnualRateBps: number;
  /** A fixed late fee (违约金) per overdue instalment. */
  lateFeePerInstalmentMinor?: number | null;
  /** A late fee as a share of each overdue instalment, in basis points. */
  lateFeeRateBps?: number | null;
  /** Days per year for daily rates: 360 (the PBOC convention, 日利率 = 年利率 ÷ 360) unless the contract says 365. */
  dayCountBasis?: number | null;
  /** The one-year LPR when the contract was signed, in bp: courts protect at most four times it. */
  oneYearLprBps?: number | null;
}

export type FeeLineKind = 'PRINCIPAL' | 'INTEREST' | 'SERVICE_FEE' | 'PENALTY_INTEREST' | 'LATE_FEE';

export interface FeeLine {
  kind: FeeLineKind;
  amountMinor: bigint;
  formula: string;
  formulaZhCn: string;
  inputs: { name: string; value: string }[];
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  days: number;
}

export type CostFlag = 'COMPREHENSIVE_COST_ABOVE_24_PERCENT' | 'PENALTY_RATE_ABOVE_24_PERCENT' | 'ABOVE_COURT_PROTECTED_CEILING';

export interface FeeBreakdown {
  currency: string;
  lines: FeeLine[];
  totalDueMinor: bigint;
  overdueInstalments: Instalment[];
  comprehensiveCost: ComprehensiveCost | null;
  /** Four times the one-year LPR, as a fraction, when the LPR was given. */
  courtProtectedCeiling: number | null;
  flags: CostFlag[];
  roundingRule: string;
}

const yuan = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;

/**
 * How an overdue loan's amounts were computed, line by line, so the borrower can check each one
 * (seeds 003, 004: "罚息、违约金的具体计算依据不透明"). Penalty interest runs on the overdue principal of
 * each instalment from its due date to `asOf`; late fees are per overdue instalment.
 */
export function feeBreakdown(input: FeeBreakdownInput): FeeBreakdown {
  if (!/^[A-Z]{3}$/.test(input.currency)) throw new ValidationError('input.currency', 'must be an ISO 4217 code such as CNY');
  const principal = principalAmount('input.principalMinor', input.principalMinor);
  const upfront = nonNegativeAmount('input.upfrontFeesMinor', input.upfrontFeesMinor);
  if (upfront >= principal) throw new ValidationError('input.upfrontFeesMinor', 'must be less than the principal');
  const rate = annualRate('input.annualRateBps', input.annualRateBps);
  const penaltyRate = annualRate('input.penaltyAnnualRateBps', input.penaltyAnnualRateBps);
  const lateFeeRate = annualRate('input.lateFeeRateBps', input.lateFeeRateBps ?? 0);
  const lateFeeFixed = nonNegativeAmount('input.lateFeePerInstalmentMinor', input.lateFeePerInstalmentMinor);
  const basis = input.dayCountBasis ?? 360;
  if (!(DAY_COUNT_BASES as readonly number[]).includes(basis)) throw new ValidationError('input.dayCountBasis', 'must be 360 or 365');
  const disbursedOn = parseCalendarDate('input.disbursedOn', input.disbursedOn);
  const overdueSince = parseCalendarDate('input.overdueSince', input.overdueSince);
  const asOf = parseCalendarDate('input.asOf', input.asOf);
  if (overdueSince <= disbursedOn) throw new ValidationError('input.overdueSince', 'must be after the day the loan was paid out');
  if (asOf < overdueSince) throw new ValidationError('input.asOf', 'must not be before input.overdueSince');
  const lpr = input.oneYearLprBps == null ? null : annualRate('input.oneYearLprBps', input.oneYearLprBps);

  const schedule = buildSchedule({
    principalMinor: principal,
    annualRateBps: rate,
    termMonths: termMonths('input.termMonths', input.termMonths),
    method: repaymentMethod('input.method', input.method),
    firstDueDate: addMonths(disbursedOn, 1),
    monthlyFeeMinor: nonNegativeAmount('input.monthlyFeeMinor', input.monthlyFeeMinor),
    arrearsMinor: 0n,
    spreadArrears: false,
  });
  const overdue = schedule.instalments.filter((i) => i.dueDate >= overdueSince && i.dueDate < asOf);
  if (overdue.length === 0) throw new ValidationError('input.overdueSince', `no instalment fell due between ${overdueSince} and ${asOf}`);
  const from = overdue[0]!.dueDate;
  const span = { periodFrom: from, periodTo: asOf, days: daysBetween(from, asOf) };
  const numbers = overdue.map((i) => i.number).join(', ');

  const penaltyParts = overdue.map((i) => divideHalfUp(i.principalMinor * BigInt(penaltyRate) * BigInt(daysBetween(i.dueDate, asOf)), 10_000n * BigInt(basis)));
  const lateFeeParts = overdue.map((i) => lateFeeFixed + divideHalfUp((i.principalMinor + i.interestMinor) * BigInt(lateFeeRate), 10_000n));
  const lines: FeeLine[] = [
    {
      kind: 'PRINCIPAL',
      amountMinor: sum(overdue.map((i) => i.principalMinor)),
      formula: 'Sum of the principal part of each unpaid instalment',
      formulaZhCn: '逾期各期应还本金之和',
      inputs: [
        { name: 'overdueInstalments', value: numbers },
        ...overdue.map((i) => ({ name: `principal#${i.number}`, value: yuan(i.principalMinor) })),
      ],
      ...span,
    },
    {
      kind: 'INTEREST',
      amountMinor: sum(overdue.map((i) => i.interestMinor)),
      formula: 'Per unpaid instalment: balance before it × annual rate ÷ 12, rounded half up to the fen',
      formulaZhCn: '逾期各期：期初剩余本金 × 年利率 ÷ 12（四舍五入到分）之和',
      inputs: [
        { name: 'annualRate', value: pct(rate) },
        ...overdue.map((i) => ({ name: `interest#${i.number}`, value: yuan(i.interestMinor) })),
      ],
      ...span,
    },
    ...(schedule.terms.monthlyFeeMinor > 0n
      ? [
          {
            kind: 'SERVICE_FEE' as const,
            amountMinor: sum(overdue.map((i) => i.feeMinor)),
            formula: 'The contract\'s monthly service fee × the number of unpaid instalments',
            formulaZhCn: '每期服务费 × 逾期期数',
            inputs: [
              { name: 'monthlyFee', value: yuan(schedule.terms.monthlyFeeMinor) },
              { name: 'overdueInstalmentCount', value: String(overdue.length) },
            ],
            ...span,
          },
        ]
      : []),
    {
      kind: 'PENALTY_INTEREST',
      amountMinor: sum(penaltyParts),
      formula: `Per unpaid instalment: its principal × penalty rate ÷ ${basis} × days from its due date to ${asOf}, rounded half up to the fen`,
      formulaZhCn: `逾期各期：逾期本金 × 罚息年利率 ÷ ${basis} × 逾期天数（四舍五入到分）之和`,
      inputs: [
        { name: 'penaltyAnnualRate', value: pct(penaltyRate) },
        { name: 'dayCountBasis', value: String(basis) },
        ...overdue.map((i, n) => ({ name: `penalty#${i.number}`, value: `${yuan(i.principalMinor)} × ${pct(penaltyRate)} ÷ ${basis} × ${daysBetween(i.dueDate, asOf)} = ${yuan(penaltyParts[n]!)}` })),
      ],
      ...span,
    },
    {
      kind: 'LATE_FEE',
      amountMinor: sum(lateFeeParts),
      formula: 'Per unpaid instalment: the fixed late fee + (its principal + interest) × late-fee rate, rounded half up to the fen',
      formulaZhCn: '逾期各期：固定违约金 +（当期本金 + 利息）× 违约金比例（四舍五入到分）之和',
      inputs: [
        { name: 'lateFeePerInstalment', value: yuan(lateFeeFixed) },
        { name: 'lateFeeRate', value: pct(lateFeeRate) },
        { name: 'overdueInstalmentCount', value: String(overdue.length) },
      ],
      ...span,
    },
  ];
  const cost = comprehensiveCost({ receivedMinor: principal - upfront, paymentsMinor: schedule.instalments.map((i) => i.totalMinor) });
  const ceiling = lpr === null ? null : (4 * lpr) / 10_000;
  const flags: CostFlag[] = [];
  if (cost?.exceedsCap) flags.push('COMPREHENSIVE_COST_ABOVE_24_PERCENT');
  if (penaltyRate / 10_000 > COMPREHENSIVE_COST_CAP) flags.push('PENALTY_RATE_ABOVE_24_PERCENT');
  if (ceiling !== null && cost && cost.annualRate > ceiling) flags.push('ABOVE_COURT_PROTECTED_CEILING');
  return {
    currency: input.currency,
    lines,
    totalDueMinor: sum(lines.map((l) => l.amountMinor)),
    overdueInstalments: overdue,
    comprehensiveCost: cost,
    courtProtectedCeiling: ceiling,
    flags,
    roundingRule: ROUNDING_RULE,
  };
}
