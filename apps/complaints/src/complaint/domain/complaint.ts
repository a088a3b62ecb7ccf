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
  receivedAt: Date;
  firstReplyDueAt: Date;
  decisionDueAt: Date;
  version: number;
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
