import { authorize } from '@redress/access';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { NotificationsContext } from '../../notifications.context';
import type { NoticeChannel } from '../../notice/domain/notice';
import { configureChannel, type ConfigureChannelCommand } from '../commands/configure-channel/configure-channel.handler';
import type { EmailSettings, SmsSettings, WebhookSettings } from '../domain/channel-settings';
import { channelSettingsRepository, type StoredChannelSettings } from '../infrastructure/channel-settings.repository';

/** What the graph shows of a channel: where notices go, never the secret. */
function view(s: StoredChannelSettings) {
  const base = { channel: s.channel, enabled: s.enabled, hasSecret: s.sealedSecret !== null, updatedAt: s.updatedAt, fromAddress: null, senderId: null };
  switch (s.channel) {
    case 'EMAIL': {
      const c = s.config as EmailSettings;
      return { ...base, target: `${c.host}:${c.port}`, fromAddress: c.fromAddress };
    }
    case 'SMS': {
      const c = s.config as SmsSettings;
      return { ...base, target: c.gatewayUrl, senderId: c.senderId };
    }
    case 'WEBHOOK':
      return { ...base, target: (s.config as WebhookSettings).url };
  }
}

export function channelResolvers(deps: ServiceDeps) {
  const configure = async (ctx: NotificationsContext, cmd: Omit<ConfigureChannelCommand, 'tenantId' | 'actorId'>) => {
    authorize(ctx.caller, 'notifications.configureChannels');
    const saved = await configureChannel(deps.dataSource, deps.personalData, { ...cmd, tenantId: ctx.caller.tenantId, actorId: ctx.caller.actorId } as ConfigureChannelCommand);
    return { channel: view(saved) };
  };
  return {
    Query: {
      notificationChannels: async (_: unknown, __: unknown, ctx: NotificationsContext) => {
        authorize(ctx.caller, 'notifications.configureChannels');
        const rows = await withTenant(deps.dataSource, ctx.caller.tenantId, (m) => channelSettingsRepository.list(m, ctx.caller.tenantId));
        return rows.map(view);
      },
    },
    Mutation: {
      configureEmailChannel: (_: unknown, { input }: { input: EmailSettings & { password?: string | null; enabled?: boolean | null; username?: string | null } }, ctx: NotificationsContext) =>
        configure(ctx, {
          channel: 'EMAIL',
          enabled: input.enabled ?? true,
          secret: input.password ?? null,
          input: { host: input.host, port: input.port, secure: input.secure, username: input.username ?? null, fromAddress: input.fromAddress },
        }),
      configureSmsChannel: (_: unknown, { input }: { input: { gatewayUrl: string; senderId: string; apiKey?: string | null; enabled?: boolean | null } }, ctx: NotificationsContext) =>
        configure(ctx, { channel: 'SMS', enabled: input.enabled ?? true, secret: input.apiKey ?? null, input: { gatewayUrl: input.gatewayUrl, senderId: input.senderId } }),
      configureWebhookChannel: (_: unknown, { input }: { input: { url: string; secret?: string | null; enabled?: boolean | null } }, ctx: NotificationsContext) =>
        configure(ctx, { channel: 'WEBHOOK', enabled: input.enabled ?? true, secret: input.secret ?? null, input: { url: input.url } }),
      setNotificationChannelEnabled: async (_: unknown, args: { channel: NoticeChannel; enabled: boolean }, ctx: NotificationsContext) => {
        authorize(ctx.caller, 'notifications.configureChannels');
        if (args.channel === 'IN_APP') throw new DomainError('BAD_USER_INPUT', 'channel: in-app notices cannot be turned off', { field: 'channel' });
        const saved = await withTenant(deps.dataSource, ctx.caller.tenantId, (m) =>
          channelSettingsRepository.setEnabled(m, ctx.caller.tenantId, args.channel as 'EMAIL', args.enabled, ctx.caller.actorId, new Date()),
        );
        if (!saved) throw new DomainError('NOT_FOUND', `The ${args.channel} channel has not been configured.`, { field: 'channel' });
        return { channel: view(saved) };
      },
    },
  };
}
