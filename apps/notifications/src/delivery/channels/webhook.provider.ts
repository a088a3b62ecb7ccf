import type { WebhookSettings } from '../../tenant/domain/channel-settings';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook } from '../domain/webhook-signature';
import { DeliveryFailure, type ChannelProvider, type OutgoingMessage, type SendReceipt } from './channel-provider';
import { failureFor, postJson } from './http';

/**
 * A signed call to the tenant's own systems. Each attempt is signed afresh (timestamp + body); the
 * delivery id stays the notice id, so the receiver can refuse a replay. A receiver answering 409
 * says it already has this delivery: that counts as delivered, not as a failure.
 */
export class WebhookProvider implements ChannelProvider {
  constructor(
    private readonly settings: WebhookSettings,
    private readonly secret: string | null,
    private readonly options: { timeoutMs: number; now?: () => number },
  ) {}

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    if (!this.secret) throw new DeliveryFailure('the webhook has no signing secret configured', true);
    const body = JSON.stringify({
      deliveryId: message.noticeId,
      type: 'notification',
      kind: message.kind,
      regulatory: message.regulatory,
      tenantId: message.tenantId,
      case: { type: message.caseType, id: message.caseId, reference: message.reference },
      complaintId: message.complaintId,
      borrowerId: message.borrowerId,
      locale: message.locale,
      subject: message.subject,
      body: message.body,
      createdAt: message.createdAt.toISOString(),
    });
    const timestamp = Math.floor((this.options.now ?? Date.now)() / 1000);
    const { status, text } = await postJson(
      'webhook receiver',
      this.settings.url,
      body,
      { [SIGNATURE_HEADER]: signWebhook(this.secret, body, timestamp), [DELIVERY_HEADER]: message.noticeId },
      this.options.timeoutMs,
    );
    if ((status >= 200 && status < 300) || status === 409) return { delivered: true, providerMessageId: null };
    throw failureFor('webhook receiver', status, text);
  }
}
