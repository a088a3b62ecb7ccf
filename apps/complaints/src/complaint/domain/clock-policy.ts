import type { ComplaintClockPolicy } from '@redress/contracts';
import { ValidationError } from '@redress/domain-kit';

/**
 * How long a lender has for each step of a complaint. The defaults are the public rules
 * (DOMAIN.md, The regulatory clocks); a tenant may set stricter figures, never looser ones.
 */
export interface ClockPolicy {
  /** Initial reply after receipt (seed 002: 24 hours). */
  firstReplyHours: number;
  /** Decision and notice after receipt (2020 办法: 15 days). */
  decisionDays: number;
  /** Decision for a complex case, in all (up to 30 days). */
  complexDecisionDays: number;
  /** A further extension for an especially complex case, with senior approval (30 days; 60 at most in all). */
  furtherExtensionDays: number;
  /** How long before a due time the warning fires. */
  warningBeforeHours: number;
}

export const REGULATORY_CLOCK_POLICY: ClockPolicy = {
  firstReplyHours: 24,
  decisionDays: 15,
  complexDecisionDays: 30,
  furtherExtensionDays: 30,
  // Shorter than the 24-hour first reply, so its warning does not fire at receipt.
  warningBeforeHours: 4,
};

const LIMITS: { key: Exclude<keyof ClockPolicy, 'warningBeforeHours'>; unit: string }[] = [
  { key: 'firstReplyHours', unit: 'hours' },
  { key: 'decisionDays', unit: 'days' },
  { key: 'complexDecisionDays', unit: 'days' },
  { key: 'furtherExtensionDays', unit: 'days' },
];

/** Checks a tenant's clock policy: whole positive figures, none looser than the regulatory one. */
export function validateClockPolicy(policy: ClockPolicy, field = 'policy'): ClockPolicy {
  for (const key of Object.keys(REGULATORY_CLOCK_POLICY) as (keyof ClockPolicy)[]) {
    const value = policy[key];
    if (!Number.isInteger(value) || value < 1) throw new ValidationError(`${field}.${key}`, 'must be a whole number of at least 1');
  }
  for (const { key, unit } of LIMITS) {
    if (policy[key] > REGULATORY_CLOCK_POLICY[key]) {
      throw new ValidationError(
        `${field}.${key}`,
        `${policy[key]} ${unit} is looser than the regulatory ${REGULATORY_CLOCK_POLICY[key]} ${unit}; a lender may only be stricter`,
      );
    }
  }
  if (policy.complexDecisionDays < policy.decisionDays) {
    throw new ValidationError(`${field}.complexDecisionDays`, 'cannot be shorter than decisionDays');
  }
  if (policy.warningBeforeHours >= policy.firstReplyHours) {
    throw new ValidationError(`${field}.warningBeforeHours`, 'must be shorter than firstReplyHours, or the warning would fire at once');
  }
  return policy;
}

/**
 * A tenant's policy as onboarding states it (extensions as added days) in the domain's terms
 * (allowances in all), checked like any other: stricter than the regulatory figures, or refused.
 */
export function clockPolicyOfTenant(policy: ComplaintClockPolicy): ClockPolicy {
  return validateClockPolicy(
    {
      firstReplyHours: policy.firstReplyHours,
      decisionDays: policy.decisionDays,
      complexDecisionDays: policy.decisionDays + policy.complexExtensionDays,
      furtherExtensionDays: policy.seniorExtensionDays,
      warningBeforeHours: policy.warningHours,
    },
    'clockPolicy',
  );
}
