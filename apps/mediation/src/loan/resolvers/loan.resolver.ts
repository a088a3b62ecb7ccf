import { authorize } from '@redress/access';
import { comparePlans, type PlanComparisonInput } from '../domain/plan-comparison';
import { feeBreakdown, type FeeBreakdownInput } from '../domain/fee-breakdown';
import { buildSchedule, ROUNDING_RULE, type RepaymentSchedule } from '../domain/repayment-schedule';
import type { PlanTerms } from '../../case/domain/mediation-case';
import { toSafeNumber } from '../domain/exact-arithmetic';
import type { MediationContext } from '../../mediation.context';

export const COST_METHOD =
  'Annualised comprehensive cost = 12 × the monthly internal rate of return of what the borrower received (principal less up-front fees) ' +
  'against every scheduled payment (principal, interest and fees) — the actuarial method of US Regulation Z Appendix J and the IRR ' +
  'method of PBOC Announcement [2021] No. 3. Flagged above 24%.';

const money = (amountMinor: bigint, currency: string) => ({ amountMinor: toSafeNumber(amountMinor), currency });

export function scheduleView(s: RepaymentSchedule, currency: string) {
  return {
    annualRateBps: s.terms.annualRateBps,
    termMonths: s.terms.termMonths,
    method: s.terms.method,
    instalments: s.instalments.map((i) => ({
      number: i.number,
      dueDate: i.dueDate,
      principal: money(i.principalMinor, currency),
      interest: money(i.interestMinor, currency),
      fee: money(i.feeMinor, currency),
      arrears: money(i.arrearsMinor, currency),
      total: money(i.totalMinor, currency),
      balanceAfter: money(i.balanceAfterMinor, currency),
    })),
    totalPrincipal: money(s.totals.principalMinor, currency),
    totalInterest: money(s.totals.interestMinor, currency),
    totalFees: money(s.totals.feesMinor, currency),
    totalArrears: money(s.totals.arrearsMinor, currency),
    totalPaid: money(s.totals.totalMinor, currency),
    totalCost: money(s.totals.costMinor, currency),
    monthlyAmount: money(s.highestMonthlyMinor, currency),
    endDate: s.endDate,
  };
}

/** Schedules and breakdowns are pure calculations: nothing is stored, anyone of the tenant may run them. */
export function loanResolvers() {
  return {
    Query: {
      repaymentPlanComparison: (_: unknown, args: { input: PlanComparisonInput }, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.calculate');
        const c = comparePlans(args.input);
        return {
          current: scheduleView(c.current, c.currency),
          proposed: scheduleView(c.proposed, c.currency),
          optionsApplied: c.optionsApplied,
          penaltyInterestRelief: money(c.penaltyInterestReliefMinor, c.currency),
          lateFeesRelief: money(c.lateFeesReliefMinor, c.currency),
          totalCostDifference: money(c.costDifferenceMinor, c.currency),
          monthlyAmountDifference: money(c.highestMonthlyDifferenceMinor, c.currency),
          roundingRule: ROUNDING_RULE,
        };
      },
      feeBreakdown: (_: unknown, args: { input: FeeBreakdownInput }, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.calculate');
        const b = feeBreakdown(args.input);
        return {
          lines: b.lines.map((l) => ({ ...l, amount: money(l.amountMinor, b.currency) })),
          totalDue: money(b.totalDueMinor, b.currency),
          overdueInstalments: b.overdueInstalments.map((i) => i.number),
          comprehensiveAnnualCostBps: b.comprehensiveCost?.annualRateBps ?? null,
          comprehensiveAnnualCostPercent: b.comprehensiveCost ? (b.comprehensiveCost.annualRate * 100).toFixed(2) : null,
          courtProtectedCeilingBps: b.courtProtectedCeiling === null ? null : Math.round(b.courtProtectedCeiling * 10_000),
          flags: b.flags,
          costMethod: COST_METHOD,
          roundingRule: b.roundingRule,
        };
      },
    },
    PlanTerms: {
      schedule: (p: PlanTerms) =>
        scheduleView(
          buildSchedule({
            principalMinor: BigInt(p.outstandingPrincipal.amountMinor),
            annualRateBps: p.annualRateBps,
            termMonths: p.termMonths,
            method: p.method,
            firstDueDate: p.firstDueDate,
            monthlyFeeMinor: 0n,
            arrearsMinor: 0n,
            spreadArrears: false,
          }),
          p.outstandingPrincipal.currency,
        ),
    },
  };
}
