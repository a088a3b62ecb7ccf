import type { Locale } from '@redress/contracts';

export type NoticeKind = 'COMPLAINT_RECEIVED' | 'COMPLAINT_ACCEPTED' | 'COMPLAINT_NOT_ACCEPTED';
export type NoticeChannel = 'IN_APP' | 'SMS' | 'EMAIL' | 'WEBHOOK';
export type DeliveryStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'FAILED';
/** Who a notice is for. Only the complainant for now; staff and the tenant's systems follow (issue 6). */
export type Recipient = 'COMPLAINANT';

/** One message to one recipient through one channel, caused by one event. */
export interface Notice {
  id: string;
  tenantId: string;
  complaintId: string;
  sourceEventId: string;
  kind: NoticeKind;
  recipient: Recipient;
  channel: NoticeChannel;
  locale: Locale;
  subject: string;
  body: string;
  status: DeliveryStatus;
  createdAt: Date;
}
