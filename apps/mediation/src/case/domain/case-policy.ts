/**
 * The clocks of a mediation case. No regulation sets them; these are the defaults a lender starts
 * from (seed 002 asks for a first reply within 24 hours; the 2020 complaint rules give 15 days for
 * a decision and allow mediation after it; people's mediation commonly closes within 30 days).
 */
export const MEDIATION_CLOCK_POLICY = {
  /** A submitted case is accepted or declined, with reasons, within this. */
  acceptanceReviewHours: 72,
  /** The borrower answers a proposal within this unless the mediator gives longer. */
  proposalReplyHours: 7 * 24,
  proposalReplyMinHours: 24,
  proposalReplyMaxHours: 30 * 24,
  /** From acceptance (or a negotiation's request) to an outcome. */
  caseDays: 30,
  /** A negotiation request's named specialist first answers (a proposal or a session) within this. */
  specialistReplyHours: 48,
  /** Warnings go out this long before a clock falls due. */
  warningBeforeHours: 4,
} as const;

const HOUR = 3_600_000;
export const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);
