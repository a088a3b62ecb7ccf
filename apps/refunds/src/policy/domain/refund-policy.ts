import { z } from 'zod';
import { FEE_TYPES } from './fee-type.catalog';

export const FEE_TYPE_CODES = FEE_TYPES.map((f) => f.code) as unknown as readonly [FeeTypeCode, ...FeeTypeCode[]];
export type FeeTypeCode = (typeof FEE_TYPES)[number]['code'];

/**
 * Things that happened after a charge which, under a lender's policy, end the right to a refund of
 * it (the "not after a given event" conditions). The request states which apply; staff check them.
 */
export const CIRCUMSTANCES = ['BENEFITS_USED', 'LOAN_SETTLED', 'INSURANCE_CLAIM_MADE', 'SERVICE_DELIVERED'] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];

export const PAYOUT_METHODS = ['ORIGINAL_PAYMENT_METHOD', 'BANK_TRANSFER', 'WALLET', 'REPAYMENT_OFFSET'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

const feeTypeRuleSchema = z.object({
  feeType: z.enum(FEE_TYPE_CODES),
  /** The request must be made within this many days of the charge (days in the tenant's time zone); null: no limit. */
  withinDaysOfCharge: z.number().int().min(1).max(3_650).nullable(),
  /** A refund is not owed once any of these has happened. */
  notAfter: z.array(z.enum(CIRCUMSTANCES)).max(CIRCUMSTANCES.length).default([]),
});

/** A tenant's refund policy (DOMAIN.md, Refunds), as stored in each version and accepted at onboarding. */
export const refundPolicySchema = z
  .object({
    /** The fee types this lender refunds and on what conditions; any other fee type is not refundable. */
    feeTypes: z.array(feeTypeRuleSchema).min(1).max(FEE_TYPES.length),
    /** How long review may take from the request, in hours. */
    reviewWithinHours: z.number().int().min(1).max(24 * 60),
    /** How long payout may take from approval, in hours. */
    payoutWithinHours: z.number().int().min(1).max(24 * 60),
    /** How long before a time limit falls due the warning is raised, in hours. */
    warningHours: z.number().int().min(1).max(72),
    /** Payout methods offered to borrowers, the first being the default. */
    payoutMethods: z.array(z.enum(PAYOUT_METHODS)).min(1).max(PAYOUT_METHODS.length),
    /** Refunds above this amount need a second, different approver (a refund in another currency always does). */
    secondApprovalAbove: z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) }),
    /** IANA time zone in which "days since the charge" are counted. */
    timeZone: z.string().min(1).max(60).default('Asia/Shanghai'),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.feeTypes.forEach((rule, i) => {
      if (seen.has(rule.feeType)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['feeTypes', i, 'feeType'], message: 'is listed twice' });
      seen.add(rule.feeType);
    });
    if (new Set(policy.payoutMethods).size !== policy.payoutMethods.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['payoutMethods'], message: 'lists a method twice' });
    }
    if (!isTimeZone(policy.timeZone)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['timeZone'], message: 'is not an IANA time zone' });
  });

export type RefundPolicy = z.infer<typeof refundPolicySchema>;
export type RefundPolicyInput = z.input<typeof refundPolicySchema>;

/** A version of a tenant's policy: requests are judged by the version in force when they were made. */
export interface RefundPolicyVersion {
  tenantId: string;
  version: number;
  effectiveFrom: Date;
  policy: RefundPolicy;
  createdBy: string;
}

/**
 * The policy a tenant gets when onboarding names none: the fees seed 000's lenders refund, a
 * 3-day review and 2-day payout, and a second approver above ¥5,000.
 */
export const DEFAULT_REFUND_POLICY: RefundPolicy = {
  feeTypes: [
    { feeType: 'SERVICE_FEE', withinDaysOfCharge: 180, notAfter: ['SERVICE_DELIVERED'] },
    { feeType: 'MEMBERSHIP_FEE', withinDaysOfCharge: 30, notAfter: ['BENEFITS_USED'] },
    { feeType: 'INSURANCE_PREMIUM', withinDaysOfCharge: 15, notAfter: ['INSURANCE_CLAIM_MADE'] },
    { feeType: 'GUARANTEE_FEE', withinDaysOfCharge: 90, notAfter: ['LOAN_SETTLED'] },
    { feeType: 'INTEREST_CHARGED_IN_ERROR', withinDaysOfCharge: null, notAfter: [] },
    { feeType: 'FEE_CHARGED_IN_ERROR', withinDaysOfCharge: null, notAfter: [] },
  ],
  reviewWithinHours: 72,
  payoutWithinHours: 48,
  warningHours: 8,
  payoutMethods: ['ORIGINAL_PAYMENT_METHOD', 'BANK_TRANSFER'],
  secondApprovalAbove: { amountMinor: 500_000, currency: 'CNY' },
  timeZone: 'Asia/Shanghai',
};

export type PolicyParseResult = { ok: true; policy: RefundPolicy } | { ok: false; problems: { path: string; message: string }[] };

/** Validates a policy from staff or onboarding; problems name the path within the policy. */
export function parseRefundPolicy(value: unknown): PolicyParseResult {
  const parsed = refundPolicySchema.safeParse(value);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

export function ruleFor(policy: RefundPolicy, feeType: string) {
  return policy.feeTypes.find((r) => r.feeType === feeType) ?? null;
}

export function isFeeType(value: string): value is FeeTypeCode {
  return (FEE_TYPE_CODES as readonly string[]).includes(value);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
