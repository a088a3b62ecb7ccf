import type { ComplaintChannel, Locale } from '@redress/contracts';
import type { Money } from '@redress/domain-kit';

/** Where a complaint stands. The full lifecycle (accept, assign, investigate, …) arrives with issue 3. */
export type ComplaintStatus = 'RECEIVED';

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
  receivedAt: Date;
  firstReplyDueAt: Date;
  decisionDueAt: Date;
  version: number;
}
