import { APPEALABLE_KINDS, type AppealableKind } from '@redress/contracts';
import { ValidationError } from '@redress/domain-kit';
import { assertTimeZone } from '../../appeal/domain/tenant-calendar';

/** The regulatory floor: a borrower may ask for a review (核查) within 30 days of receiving a decision. */
export const MIN_WINDOW_DAYS = 30;

/**
 * A tenant's appeals policy. The time zone comes from onboarding (`TenantOnboarded`); the rest is
 * set by the tenant's administrator, never looser than the regulation.
 */
export interface AppealPolicy {
  tenantId: string;
  timeZone: string;
  windowDays: number;
  /** Days the lender gives itself to decide an appeal, counted like the window. */
  decisionDays: number;
  /** How long before the decision is due the warning fires. */
  warningHours: number;
  /** Appeals against these kinds of decision are serious: decided by the review committee. */
  seriousKinds: AppealableKind[];
  /** Appeals about at least this amount (minor units) are serious; null: amount never makes one serious. */
  seriousAmountMinor: number | null;
  /** Smallest review committee. */
  committeeMinMembers: number;
  /** Suggestion rule of related matters: this many distinct borrowers ... */
  matterMinBorrowers: number;
  /** ... about one product and issue within this many days. */
  matterPeriodDays: number;
  version: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function defaultPolicy(tenantId: string, timeZone = DEFAULT_TIME_ZONE): AppealPolicy {
  return {
    tenantId,
    timeZone,
    windowDays: MIN_WINDOW_DAYS,
    decisionDays: 15,
    warningHours: 24,
    seriousKinds: ['MEDIATION_RESULT'],
    seriousAmountMinor: 1_000_000,
    committeeMinMembers: 3,
    matterMinBorrowers: 5,
    matterPeriodDays: 90,
    version: 0,
  };
}

export interface AppealPolicyInput {
  windowDays?: number | null;
  decisionDays?: number | null;
  warningHours?: number | null;
  seriousKinds?: string[] | null;
  seriousAmountMinor?: number | null;
  clearSeriousAmount?: boolean | null;
  committeeMinMembers?: number | null;
  matterMinBorrowers?: number | null;
  matterPeriodDays?: number | null;
  timeZone?: string | null;
}

function intIn(field: string, value: number, min: number, max: number, why = ''): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be a whole number from ${min} to ${max}${why}`);
  }
  return value;
}

/** Applies an administrator's change; anything absent stays as it was. */
export function changePolicy(current: AppealPolicy, input: AppealPolicyInput): AppealPolicy {
  const next = { ...current, version: current.version + 1 };
  if (input.windowDays != null) {
    next.windowDays = intIn('input.windowDays', input.windowDays, MIN_WINDOW_DAYS, 365, ' (the regulation allows no fewer than 30 days)');
  }
  if (input.decisionDays != null) next.decisionDays = intIn('input.decisionDays', input.decisionDays, 1, 60);
  if (input.warningHours != null) next.warningHours = intIn('input.warningHours', input.warningHours, 1, 168);
  if (input.seriousKinds != null) {
    next.seriousKinds = input.seriousKinds.map((k, i) => {
      if (!(APPEALABLE_KINDS as readonly string[]).includes(k)) throw new ValidationError(`input.seriousKinds.${i}`, `"${k}" is not a kind of decision`);
      return k as AppealableKind;
    });
    next.seriousKinds = [...new Set(next.seriousKinds)];
  }
  if (input.clearSeriousAmount) next.seriousAmountMinor = null;
  else if (input.seriousAmountMinor != null) next.seriousAmountMinor = intIn('input.seriousAmountMinor', input.seriousAmountMinor, 0, Number.MAX_SAFE_INTEGER);
  if (input.committeeMinMembers != null) next.committeeMinMembers = intIn('input.committeeMinMembers', input.committeeMinMembers, 2, 15);
  if (input.matterMinBorrowers != null) next.matterMinBorrowers = intIn('input.matterMinBorrowers', input.matterMinBorrowers, 2, 10_000);
  if (input.matterPeriodDays != null) next.matterPeriodDays = intIn('input.matterPeriodDays', input.matterPeriodDays, 1, 730);
  if (input.timeZone != null) next.timeZone = assertTimeZone('input.timeZone', input.timeZone);
  return next;
}
