import type { SmsSettings } from '../../tenant/domain/channel-settings';
import { DeliveryFailure, type ChannelProvider, type OutgoingMessage, type SendReceipt } from './channel-provider';
import { failureFor, postJson } from './http';

/**
 * SMS through the tenant's HTTP gateway. The adapter's contract (documented in docs/notifications.md):
 * `POST <gatewayUrl>` with `{to, text, sender, reference}` and `Authorization: Bearer <api key>`;
 * a 2xx answer `{messageId, status}` where status DELIVERED means the handset has it. `reference`
 * is the notice id, so a gateway can refuse a message it already took.
 */
export class SmsProvider implements ChannelProvider {
  constructor(
    private readonly settings: SmsSettings,
    private readonly apiKey: string | null,
    private readonly options: { timeoutMs: number },
  ) {}

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    if (!message.to) throw new DeliveryFailure('no phone number known for the recipient', true);
    const body = JSON.stringify({ to: message.to, text: message.body, sender: this.settings.senderId, reference: message.noticeId });
    const headers: Record<string, string> = this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {};
    const { status, text } = await postJson('SMS gateway', this.settings.gatewayUrl, body, headers, this.options.timeoutMs);
    if (status < 200 || status >= 300) throw failureFor('SMS gateway', status, text);
    let answer: { messageId?: unknown; status?: unknown } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // A gateway that answers 2xx without a body has still accepted the message.
    }
    return {
      delivered: answer.status === 'DELIVERED',
      providerMessageId: typeof answer.messageId === 'string' ? answer.messageId.slice(0, 200) : null,
    };
  }
}
