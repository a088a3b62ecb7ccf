import type { PersonalDataCipher } from '@redress/personal-data';
import type { NoticeChannel } from '../../notice/domain/notice';
import type { EmailSettings, SmsSettings, WebhookSettings } from '../../tenant/domain/channel-settings';
import { openChannelSecret } from '../../tenant/domain/channel-secret';
import type { StoredChannelSettings } from '../../tenant/infrastructure/channel-settings.repository';
import type { ChannelProvider } from './channel-provider';
import { EmailProvider } from './email.provider';
import { InAppProvider } from './in-app.provider';
import { SmsProvider } from './sms.provider';
import { WebhookProvider } from './webhook.provider';

/**
 * One provider per tenant, channel and settings version (so an SMTP pool is reused across sends
 * and replaced when the tenant changes its settings).
 */
export class ProviderRegistry {
  private readonly providers = new Map<string, { version: number; provider: ChannelProvider }>();
  private readonly inApp = new InAppProvider();

  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly options: { timeoutMs: number },
  ) {}

  providerFor(channel: NoticeChannel, settings: StoredChannelSettings | null): ChannelProvider {
    if (channel === 'IN_APP') return this.inApp;
    if (!settings) throw new Error(`no settings for ${channel}`);
    const key = `${settings.tenantId}:${channel}`;
    const cached = this.providers.get(key);
    if (cached && cached.version === settings.version) return cached.provider;
    void cached?.provider.close?.();
    const secret = settings.sealedSecret ? openChannelSecret(this.cipher, settings.tenantId, settings.channel, settings.sealedSecret) : null;
    const provider = this.create(settings, secret);
    this.providers.set(key, { version: settings.version, provider });
    return provider;
  }

  private create(settings: StoredChannelSettings, secret: string | null): ChannelProvider {
    switch (settings.channel) {
      case 'EMAIL':
        return new EmailProvider(settings.config as EmailSettings, secret, this.options);
      case 'SMS':
        return new SmsProvider(settings.config as SmsSettings, secret, this.options);
      case 'WEBHOOK':
        return new WebhookProvider(settings.config as WebhookSettings, secret, this.options);
    }
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.providers.values()].map((p) => p.provider.close?.()));
    this.providers.clear();
  }
}
