import type { EntityManager } from 'typeorm';
import type { ChannelConfig, ConfigurableChannel } from '../domain/channel-settings';
import { updateReturning } from '../../notice/infrastructure/update-returning';

export interface StoredChannelSettings {
  tenantId: string;
  channel: ConfigurableChannel;
  enabled: boolean;
  config: ChannelConfig['config'];
  sealedSecret: string | null;
  version: number;
  updatedAt: Date;
}

const fromRow = (r: Record<string, unknown>): StoredChannelSettings => ({
  tenantId: r['tenant_id'] as string,
  channel: r['channel'] as ConfigurableChannel,
  enabled: r['enabled'] as boolean,
  config: r['config'] as ChannelConfig['config'],
  sealedSecret: (r['sealed_secret'] as string | null) ?? null,
  version: Number(r['version']),
  updatedAt: r['updated_at'] as Date,
});

export const channelSettingsRepository = {
  async list(manager: EntityManager, tenantId: string): Promise<StoredChannelSettings[]> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM notifications.channel_settings WHERE tenant_id = $1 ORDER BY channel', [tenantId]);
    return rows.map(fromRow);
  },

  async get(manager: EntityManager, tenantId: string, channel: ConfigurableChannel): Promise<StoredChannelSettings | null> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM notifications.channel_settings WHERE tenant_id = $1 AND channel = $2', [tenantId, channel]);
    return rows[0] ? fromRow(rows[0]) : null;
  },

  /** Saves a channel's settings; a null `sealedSecret` keeps the secret already stored. */
  async save(
    manager: EntityManager,
    s: { tenantId: string; channel: ConfigurableChannel; enabled: boolean; config: ChannelConfig['config']; sealedSecret: string | null },
    actorId: string,
    now: Date,
  ): Promise<StoredChannelSettings> {
    const rows: Record<string, unknown>[] = await manager.query(
      `INSERT INTO notifications.channel_settings (tenant_id, channel, enabled, config, sealed_secret, version, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $7)
       ON CONFLICT (tenant_id, channel) DO UPDATE SET enabled = EXCLUDED.enabled, config = EXCLUDED.config,
         sealed_secret = COALESCE(EXCLUDED.sealed_secret, channel_settings.sealed_secret), version = channel_settings.version + 1,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING *`,
      [s.tenantId, s.channel, s.enabled, JSON.stringify(s.config), s.sealedSecret, now, actorId],
    );
    return fromRow(rows[0]!);
  },

  async setEnabled(manager: EntityManager, tenantId: string, channel: ConfigurableChannel, enabled: boolean, actorId: string, now: Date): Promise<StoredChannelSettings | null> {
    const rows = await updateReturning<Record<string, unknown>>(
      manager,
      `UPDATE notifications.channel_settings SET enabled = $3, version = version + 1, updated_at = $4, updated_by = $5
        WHERE tenant_id = $1 AND channel = $2 RETURNING *`,
      [tenantId, channel, enabled, now, actorId],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  },
};
