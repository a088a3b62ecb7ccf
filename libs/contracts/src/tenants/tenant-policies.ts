import { z } from 'zod';

/**
 * The regulatory defaults of the complaint clocks (DOMAIN.md, The regulatory clocks). A tenant's
 * policy may be stricter, never looser: every bound below is a ceiling.
 */
export const REGULATORY_CLOCK_LIMITS = {
  firstReplyHours: 24,
  decisionDays: 15,
  /** The decision may be extended to 30 days in all for a complex case. */
  complexExtensionDays: 15,
  /** And by a further 30 days with a senior approver. */
  seniorExtensionDays: 30,
} as const;

export const complaintClockPolicySchema = z.object({
  firstReplyHours: z.number().int().min(1).max(REGULATORY_CLOCK_LIMITS.firstReplyHours),
  decisionDays: z.number().int().min(1).max(REGULATORY_CLOCK_LIMITS.decisionDays),
  complexExtensionDays: z.number().int().min(0).max(REGULATORY_CLOCK_LIMITS.complexExtensionDays),
  seniorExtensionDays: z.number().int().min(0).max(REGULATORY_CLOCK_LIMITS.seniorExtensionDays),
  /** How long before a due time the warning fires. */
  warningHours: z.number().int().min(1).max(72),
});
export type ComplaintClockPolicy = z.infer<typeof complaintClockPolicySchema>;

export const DEFAULT_COMPLAINT_CLOCK_POLICY: ComplaintClockPolicy = {
  ...REGULATORY_CLOCK_LIMITS,
  warningHours: 4,
};
