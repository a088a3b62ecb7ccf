import type { EntityManager } from 'typeorm';
import type { Locale } from '@redress/contracts';
import { defaultTenantSettings, type TenantSettings } from '../domain/tenant-settings';

export const tenantSettingsRepository = {
  async get(manager: EntityManager, tenantId: string): Promise<TenantSettings> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM notifications.tenant_settings WHERE tenant_id = $1', [tenantId]);
    const r = rows[0];
    if (!r) return defaultTenantSettings(tenantId);
    return {
      tenantId,
      name: r['name'] as string,
      timeZone: r['time_zone'] as string,
      locales: r['locales'] as Locale[],
      defaultLocale: r['default_locale'] as Locale,
      revision: Number(r['revision']),
    };
  },

  /** Applies a revision only if it is newer than the one kept: replays and reordering are harmless. */
  async saveIfNewer(manager: EntityManager, s: TenantSettings, now: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO notifications.tenant_settings (tenant_id, name, time_zone, locales, default_locale, revision, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, locales = EXCLUDED.locales,
         default_locale = EXCLUDED.default_locale, revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at
       WHERE tenant_settings.revision < EXCLUDED.revision
       RETURNING tenant_id`,
      [s.tenantId, s.name, s.timeZone, s.locales, s.defaultLocale, s.revision, now],
    );
    return rows.length > 0;
  },
};
