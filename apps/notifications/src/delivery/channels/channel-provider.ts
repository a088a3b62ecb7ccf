import type { Locale } from '@redress/contracts';
import type { CaseType, NoticeChannel, NoticeKind } from '../../notice/domain/notice';

/** One notice on its way out, with the address opened just for this send. */
export interface OutgoingMessage {
  noticeId: string;
  tenantId: string;
  channel: NoticeChannel;
  kind: NoticeKind;
  regulatory: boolean;
  locale: Locale;
  caseType: CaseType;
  caseId: string;
  complaintId: string | null;
  reference: string;
  borrowerId: string | null;
  subject: string;
  body: string;
  createdAt: Date;
  /** Email address or phone number; null for in-app and webhook. */
  to: string | null;
}

export interface SendReceipt {
  /** True where the channel reports delivery itself (in-app, a webhook's 2xx, an SMS gateway's DELIVERED). */
  delivered: boolean;
  providerMessageId: string | null;
}

/** Every channel the same way (novu's provider pattern): the dispatcher knows nothing of SMTP or HTTP. */
export interface ChannelProvider {
  send(message: OutgoingMessage): Promise<SendReceipt>;
  close?(): Promise<void>;
}

/** A failed send. `permanent`: the provider refused this message itself, so retrying cannot help. */
export class DeliveryFailure extends Error {
  override name = 'DeliveryFailure';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
