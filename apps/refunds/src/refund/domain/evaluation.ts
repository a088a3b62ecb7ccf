import type { Locale } from '@redress/contracts';
import type { Money } from '@redress/domain-kit';
import { FEE_TYPES } from '../../policy/domain/fee-type.catalog';
import { ruleFor, type Circumstance, type RefundPolicy } from '../../policy/domain/refund-policy';
import { approvalsRequired } from './four-eyes';
import { wording, type Wording } from './evaluation.wording';

export const EVALUATION_RULES = [
  'CHARGE_RECORDED',
  'FEE_TYPE_REFUNDABLE',
  'WITHIN_TIME_LIMIT',
  'NO_EXCLUDING_EVENT',
  'AMOUNT_WITHIN_CHARGE',
  'APPROVALS_REQUIRED',
] as const;
export type EvaluationRule = (typeof EVALUATION_RULES)[number];

/** PASSED and FAILED decide the verdict; INFO lines only tell (e.g. how many approvers are needed). */
export type LineOutcome = 'PASSED' | 'FAILED' | 'INFO';

export interface EvaluationLine {
  rule: EvaluationRule;
  outcome: LineOutcome;
  /** For the reviewer: the rule, the facts and the figures. */
  detail: string;
  /** For the borrower, in their language and plain words. */
  plainWords: string;
}

export interface Evaluation {
  verdict: 'ELIGIBLE' | 'INELIGIBLE';
  policyVersion: number;
  evaluatedAt: Date;
  lines: EvaluationLine[];
}

/** What the policy looks at: the request, and the charge once it is known. */
export interface EvaluationSubject {
  amount: Money;
  feeType: string | null;
  circumstances: readonly Circumstance[];
  requestedAt: Date;
  charge: { reference: string; amount: Money; chargedAt: Date; committedMinor: number } | null;
  locale: Locale;
}

/**
 * Applies one version of a tenant's policy to a request and explains the verdict line by line.
 * Pure: the same request and policy version always give the same lines.
 */
export function evaluate(policy: RefundPolicy, policyVersion: number, subject: EvaluationSubject, now: Date): Evaluation {
  const w = wording(subject.locale);
  const lines: EvaluationLine[] = [];
  const feeName = feeTypeName(subject.feeType, subject.locale);
  if (!subject.charge) {
    lines.push({
      rule: 'CHARGE_RECORDED',
      outcome: 'FAILED',
      detail: 'The charge this refund is about is not recorded yet: record it (reference, fee type, amount, charged-at) before approval.',
      plainWords: w.chargeMissing,
    });
  }
  const rule = subject.feeType ? ruleFor(policy, subject.feeType) : null;
  lines.push(
    rule
      ? { rule: 'FEE_TYPE_REFUNDABLE', outcome: 'PASSED', detail: `${subject.feeType} is refundable under policy version ${policyVersion}.`, plainWords: w.feeRefundable(feeName) }
      : {
          rule: 'FEE_TYPE_REFUNDABLE',
          outcome: 'FAILED',
          detail: subject.feeType
            ? `${subject.feeType} is not among the fee types policy version ${policyVersion} refunds (${policy.feeTypes.map((r) => r.feeType).join(', ')}).`
            : 'The fee type is not known yet.',
          plainWords: w.feeNotRefundable(feeName),
        },
  );
  if (rule && subject.charge) lines.push(timeLimitLine(rule.withinDaysOfCharge, subject.charge.chargedAt, subject.requestedAt, policy.timeZone, w));
  if (rule) {
    const excluding = rule.notAfter.filter((c) => subject.circumstances.includes(c));
    lines.push(
      excluding.length
        ? {
            rule: 'NO_EXCLUDING_EVENT',
            outcome: 'FAILED',
            detail: `The request states ${excluding.join(', ')}; the policy refunds ${subject.feeType} only before ${rule.notAfter.join(' or ')}.`,
            plainWords: w.excluded(excluding.map((c) => w.circumstance[c])),
          }
        : {
            rule: 'NO_EXCLUDING_EVENT',
            outcome: 'PASSED',
            detail: rule.notAfter.length
              ? `None of ${rule.notAfter.join(', ')} is stated for this charge.`
              : `The policy names no event after which ${subject.feeType} is no longer refunded.`,
            plainWords: w.notExcluded,
          },
    );
  }
  if (subject.charge) lines.push(amountLine(subject.amount, subject.charge, w));
  const needed = approvalsRequired(policy, subject.amount);
  lines.push({
    rule: 'APPROVALS_REQUIRED',
    outcome: 'INFO',
    detail:
      needed === 2
        ? `Above the second-approval threshold of ${formatMoney(policy.secondApprovalAbove)}: two different approvers are needed.`
        : `Within the second-approval threshold of ${formatMoney(policy.secondApprovalAbove)}: one approver (not the requester) is enough.`,
    plainWords: w.approvals(needed),
  });
  const verdict = lines.some((l) => l.outcome === 'FAILED') ? 'INELIGIBLE' : 'ELIGIBLE';
  return { verdict, policyVersion, evaluatedAt: now, lines };
}

function timeLimitLine(withinDays: number | null, chargedAt: Date, requestedAt: Date, timeZone: string, w: Wording): EvaluationLine {
  const days = daysBetween(chargedAt, requestedAt, timeZone);
  if (withinDays === null) {
    return { rule: 'WITHIN_TIME_LIMIT', outcome: 'PASSED', detail: `No time limit applies; requested ${days} days after the charge.`, plainWords: w.noTimeLimit };
  }
  const within = days <= withinDays;
  return {
    rule: 'WITHIN_TIME_LIMIT',
    outcome: within ? 'PASSED' : 'FAILED',
    detail: `Requested ${days} days after the charge (days in ${timeZone}); the limit is ${withinDays}.`,
    plainWords: within ? w.withinTime(days, withinDays) : w.tooLate(days, withinDays),
  };
}

function amountLine(amount: Money, charge: NonNullable<EvaluationSubject['charge']>, w: Wording): EvaluationLine {
  const remaining = charge.amount.amountMinor - charge.committedMinor;
  if (amount.currency !== charge.amount.currency) {
    return {
      rule: 'AMOUNT_WITHIN_CHARGE',
      outcome: 'FAILED',
      detail: `The refund is in ${amount.currency} but the charge ${charge.reference} is in ${charge.amount.currency}.`,
      plainWords: w.wrongCurrency,
    };
  }
  const ok = amount.amountMinor <= remaining;
  return {
    rule: 'AMOUNT_WITHIN_CHARGE',
    outcome: ok ? 'PASSED' : 'FAILED',
    detail: `${formatMoney(amount)} asked; the charge ${charge.reference} is ${formatMoney(charge.amount)}, of which ${formatMoney({ amountMinor: charge.committedMinor, currency: amount.currency })} is already approved for refund.`,
    plainWords: ok ? w.amountOk(formatMoney(amount), formatMoney(charge.amount)) : w.amountTooHigh(formatMoney({ amountMinor: Math.max(0, remaining), currency: amount.currency })),
  };
}

/** Calendar days from the charge to the request, both taken as dates in the tenant's time zone. */
export function daysBetween(from: Date, to: Date, timeZone: string): number {
  const day = (d: Date) => {
    const [y, m, dd] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d).split('-').map(Number);
    return Date.UTC(y!, m! - 1, dd!) / 86_400_000;
  };
  return day(to) - day(from);
}

export function formatMoney(m: Money): string {
  const sign = m.currency === 'CNY' ? '¥' : `${m.currency} `;
  return `${sign}${(m.amountMinor / 100).toFixed(2)}`;
}

function feeTypeName(code: string | null, locale: Locale): string {
  const entry = FEE_TYPES.find((f) => f.code === code);
  if (!entry) return locale === 'en' ? 'this fee' : '该费用';
  return locale === 'en' ? entry.name.en.toLowerCase() : entry.name['zh-CN'];
}
