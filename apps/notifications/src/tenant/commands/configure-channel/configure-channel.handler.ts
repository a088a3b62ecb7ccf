import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError, requiredText } from '@redress/domain-kit';
import type { PersonalDataCipher } from '@redress/personal-data';
import {
  validateEmailSettings,
  validateHttpUrl,
  validateSecret,
  type ChannelConfig,
  type EmailSettings,
} from '../../domain/channel-settings';
import { sealChannelSecret } from '../../domain/channel-secret';
import { channelSettingsRepository, type StoredChannelSettings } from '../../infrastructure/channel-settings.repository';

export type ConfigureChannelCommand = {
  tenantId: string;
  actorId: string;
  enabled: boolean;
  /** The new secret, or null to keep the stored one. */
  secret: string | null;
} & (
  | { channel: 'EMAIL'; input: EmailSettings }
  | { channel: 'SMS'; input: { gatewayUrl: string; senderId: string } }
  | { channel: 'WEBHOOK'; input: { url: string } }
);

/** Validates and stores a channel's settings; its secret is sealed and never returned. */
export async function configureChannel(ds: DataSource, cipher: PersonalDataCipher, cmd: ConfigureChannelCommand): Promise<StoredChannelSettings> {
  let config: ChannelConfig['config'];
  let secret: string | null;
  switch (cmd.channel) {
    case 'EMAIL':
      config = validateEmailSettings('input', cmd.input);
      secret = validateSecret('input.password', cmd.secret, false, 1);
      break;
    case 'SMS':
      config = { gatewayUrl: validateHttpUrl('input.gatewayUrl', cmd.input.gatewayUrl), senderId: requiredText('input.senderId', cmd.input.senderId, 40) };
      secret = validateSecret('input.apiKey', cmd.secret, false, 1);
      break;
    case 'WEBHOOK':
      config = { url: validateHttpUrl('input.url', cmd.input.url) };
      secret = validateSecret('input.secret', cmd.secret, false, 16);
      break;
  }
  return withTenant(ds, cmd.tenantId, async (m) => {
    if (cmd.channel === 'WEBHOOK' && secret === null && !(await channelSettingsRepository.get(m, cmd.tenantId, 'WEBHOOK'))?.sealedSecret) {
      throw new DomainError('BAD_USER_INPUT', 'input.secret: is required the first time a webhook is configured', { field: 'input.secret' });
    }
    return channelSettingsRepository.save(
      m,
      {
        tenantId: cmd.tenantId,
        channel: cmd.channel,
        enabled: cmd.enabled,
        config,
        sealedSecret: secret === null ? null : sealChannelSecret(cipher, cmd.tenantId, cmd.channel, secret),
      },
      cmd.actorId,
      new Date(),
    );
  });
}
