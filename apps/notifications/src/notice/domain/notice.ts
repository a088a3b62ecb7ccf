import type { Locale } from '@redress/contracts';
import type { NoticeKind } from './notice-kinds';

export type { NoticeKind } from './notice-kinds';

export const NOTICE_CHANNELS = ['IN_APP', 'SMS', 'EMAIL', 'WEBHOOK'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * Where a notice's delivery stands. FAILED is an attempt that failed with a retry scheduled;
 * DEAD_LETTERED is the end of retrying, kept with the reason for the tenant administrator;
 * SUPPRESSED is an ordinary notice on a channel the borrower opted out of.
 */
export const DELIVERY_STATUSES = ['QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'DEAD_LETTERED', 'SUPPRESSED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Who a notice is for: the borrower (or their agent), or the lender's own systems (webhook). */
export type Recipient = 'COMPLAINANT' | 'TENANT_SYSTEMS';

/** The case a notice is about. */
export type CaseType = 'COMPLAINT' | 'REFUND' | 'MEDIATION' | 'APPEAL';

/** One message to one recipient through one channel, caused by one event. */
export interface Notice {
  id: string;
  tenantId: string;
  caseType: CaseType;
  caseId: string;
  complaintId: string | null;
  reference: string;
  borrowerId: string | null;
  sourceEventId: string;
  eventOccurredAt: Date;
  kind: NoticeKind;
  regulatory: boolean;
  recipient: Recipient;
  channel: NoticeChannel;
  locale: Locale;
  subject: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  deadLetteredAt: Date | null;
  providerMessageId: string | null;
  readAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The channel a recipient is reached on: the borrower on the personal channels, the lender's systems by webhook. */
export function recipientOf(channel: NoticeChannel): Recipient {
  return channel === 'WEBHOOK' ? 'TENANT_SYSTEMS' : 'COMPLAINANT';
}
