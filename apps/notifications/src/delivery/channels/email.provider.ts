import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSettings } from '../../tenant/domain/channel-settings';
import { DeliveryFailure, type ChannelProvider, type OutgoingMessage, type SendReceipt } from './channel-provider';

/**
 * Email over SMTP with nodemailer, through a small connection pool per tenant. The Message-ID is
 * derived from the notice id, so a receiving system can recognise a message sent twice (after a
 * crash between the send and recording it).
 */
export class EmailProvider implements ChannelProvider {
  private readonly transport: Transporter;

  constructor(
    private readonly settings: EmailSettings,
    password: string | null,
    options: { timeoutMs: number },
  ) {
    this.transport = nodemailer.createTransport({
      pool: true,
      maxConnections: 5,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.username ? { user: settings.username, pass: password ?? '' } : undefined,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    if (!message.to) throw new DeliveryFailure('no email address known for the recipient', true);
    try {
      const info = await this.transport.sendMail({
        from: this.settings.fromAddress,
        to: message.to,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.noticeId}@notifications.redress>`,
        headers: { 'X-Redress-Notice': message.noticeId, 'X-Redress-Reference': message.reference, 'Content-Language': message.locale },
      });
      return { delivered: false, providerMessageId: (info as { messageId?: string }).messageId ?? null };
    } catch (error) {
      const e = error as Error & { responseCode?: number };
      // 5xx: the server refused this message (bad mailbox, policy); 4xx and connection errors pass.
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
      throw new DeliveryFailure(`SMTP: ${e.message}`, permanent);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
