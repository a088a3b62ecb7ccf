import type { ComplaintChannel, Locale } from '@redress/contracts';
import type { Money } from '@redress/domain-kit';
import type { ComplaintAction, ComplaintStatus } from './complaint-lifecycle';

export type { ComplaintStatus } from './complaint-lifecycle';

export interface Complainant {
  name: string;
  phone: string;
  email: string | null;
  /** Language in which the complainant is told of progress. */
  locale: Locale;
}

/** A complaint as the domain knows it: plain data, no framework. */
export interface Complaint {
  id: string;
  tenantId: string;
  reference: string;
  channel: ComplaintChannel;
  status: ComplaintStatus;
  complainant: Complainant;
  productName: string;
  contractNumber: string | null;
  description: string;
  occurredAt: Date | null;
  disputedAmount: Money | null;
  demand: string | null;
  /** Staff the complainant names as involved: none of them may handle the case (recusal). */
  involvedStaff: string[];
  /** The handler and team working the case, once assigned. */
  handlerId: string | null;
  team: string | null;
  /** Why the complaint was not accepted; told to the complainant. */
  declineReason: string | null;
  /** What the internal review group concluded, for cases sent to it. */
  reviewConclusion: string | null;
  /** The proposed (then carried out) resolution. */
  resolution: Resolution | null;
  /** The follow-up visit (回访). */
  followUp: { satisfaction: number; comment: string | null } | null;
  receivedAt: Date;
  firstReplyDueAt: Date;
  decisionDueAt: Date;
  version: number;
}

export const OUTCOMES = ['UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REMEDY_TYPES = ['EXPLANATION', 'COMPENSATION', 'REFUND', 'FEE_WAIVER', 'REPAYMENT_PLAN_CHANGE', 'MEDIATION_REFERRAL'] as const;
export type RemedyType = (typeof REMEDY_TYPES)[number];

/** The decision on a complaint: whether it is upheld, why, what the lender will do, and who answers for it. */
export interface Resolution {
  outcome: Outcome;
  reasons: string;
  remedies: { type: RemedyType; amount: Money | null; description: string | null }[];
  /** Where staff were at fault: the accountability action taken. */
  accountability: string | null;
}

/** One step in a complaint's history, as kept on its timeline. */
export interface ComplaintStep {
  id: string;
  tenantId: string;
  complaintId: string;
  at: Date;
  action: ComplaintAction | 'file';
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  actorId: string;
  /** What the step said: a reason, the handler assigned, … (no personal data). */
  note: string | null;
}
