import { COMPLAINT_OUTCOMES, REMEDY_TYPES, type ComplaintChannel, type Locale } from '@redress/contracts';
import type { Money } from '@redress/domain-kit';
import type { Category, RepresentativeKind, Severity, Topic } from './classification';
import type { ClockPolicy } from './clock-policy';
import type { ComplaintAction, ComplaintStatus } from './complaint-lifecycle';
import type { DeadlineClock } from './deadline-clock';

export type { ComplaintStatus } from './complaint-lifecycle';

export interface Complainant {
  name: string;
  phone: string;
  email: string | null;
  /** Resident ID number (身份证号), when given. */
  idNumber: string | null;
  /** Language in which the complainant is told of progress. */
  locale: Locale;
}

/** Someone filing for the borrower with authority: an agent, an heir, a guardian. */
export interface Representative {
  kind: RepresentativeKind;
  name: string;
  phone: string | null;
  /** The authority shown, e.g. 授权委托书 No. 2026-118 or a notarised certificate of succession. */
  authority: string;
}

/** A complaint forwarded by a regulator, e.g. from the 12378 hotline. */
export interface RegulatorReferral {
  regulator: string;
  reference: string;
}

/** A complaint as the domain knows it: plain data, no framework. */
export interface Complaint {
  id: string;
  tenantId: string;
  reference: string;
  channel: ComplaintChannel;
  status: ComplaintStatus;
  category: Category;
  topic: Topic;
  severity: Severity;
  complainant: Complainant;
  /** The lender's customer number of the borrower, when known: a borrower sees their own cases by it. */
  borrowerId: string | null;
  representative: Representative | null;
  regulatorReferral: RegulatorReferral | null;
  productName: string;
  contractNumber: string | null;
  description: string;
  occurredAt: Date | null;
  /** Where it happened (a branch, a phone call, the app). */
  occurredPlace: string | null;
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
  /** The open complaint this one was merged into, as a repeat on the same matter. */
  mergedInto: string | null;
  receivedAt: Date;
  firstReplyDueAt: Date;
  decisionDueAt: Date;
  /** The decision clock as recorded: restarts, extensions, pauses, stop. */
  decisionClock: DeadlineClock;
  /** The tenant's clock policy in force when the complaint was received: it judges this case throughout. */
  clockPolicy: ClockPolicy;
  version: number;
}

/** Outcomes and remedy types are those of the decision events, so both sides always agree. */
export const OUTCOMES = COMPLAINT_OUTCOMES;
export { REMEDY_TYPES };
export type Outcome = (typeof COMPLAINT_OUTCOMES)[number];
export type RemedyType = (typeof REMEDY_TYPES)[number];

export interface Remedy {
  type: RemedyType;
  amount: Money | null;
  /** For a refund or fee waiver: the fee type, e.g. SERVICE_FEE. */
  feeType: string | null;
  /** For a refund: the lender's reference of the charge. */
  chargeReference: string | null;
  description: string | null;
}

/** The decision on a complaint: whether it is upheld, why, what the lender will do, and who answers for it. */
export interface Resolution {
  /** Identifies this decision (a case decided again after a rejection or an appeal gets a new one). */
  decisionId: string;
  /** When the decision was issued to the complainant: an appeal window runs from here. */
  issuedAt: Date;
  outcome: Outcome;
  reasons: string;
  remedies: Remedy[];
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
