import type { EntityManager } from 'typeorm';
import type { Locale } from '@redress/contracts';
import { defaultTenantSettings, type TenantSettings } from '../../tenant/domain/tenant-settings';
import type { ConfigurableChannel } from '../../tenant/domain/channel-settings';
import type { NoticeChannel, NoticeKind } from '../domain/notice';

/** What recording one event's notices needs to know about its tenant and complaint. */
export interface RecordingContext {
  settings: TenantSettings;
  enabledChannels: ConfigurableChannel[];
  templates: { channel: NoticeChannel; locale: Locale; subject: string; body: string }[];
  /** The complaint's borrower, once its contact is known. */
  borrowerId: string | null;
}

/**
 * Everything in one round trip: the consumer records notices for every event, so this is on the
 * hot path of a burst (see tools/bench/notifications.ts).
 */
export async function loadRecordingContext(manager: EntityManager, tenantId: string, kind: NoticeKind, complaintId: string | null): Promise<RecordingContext> {
  const [row] = (await manager.query(
    `SELECT
       (SELECT row_to_json(s) FROM notifications.tenant_settings s WHERE s.tenant_id = $1) AS settings,
       (SELECT COALESCE(json_agg(c.channel), '[]'::json) FROM notifications.channel_settings c WHERE c.tenant_id = $1 AND c.enabled) AS channels,
       (SELECT COALESCE(json_agg(json_build_object('channel', t.channel, 'locale', t.locale, 'subject', t.subject, 'body', t.body)), '[]'::json)
          FROM notifications.templates t WHERE t.tenant_id = $1 AND t.kind = $2) AS templates,
       (SELECT k.borrower_id FROM notifications.complainant_contacts k WHERE k.tenant_id = $1 AND k.complaint_id = $3) AS borrower_id`,
    [tenantId, kind, complaintId],
  )) as { settings: Record<string, unknown> | null; channels: ConfigurableChannel[]; templates: RecordingContext['templates']; borrower_id: string | null }[];
  const s = row!.settings;
  return {
    settings: s
      ? {
          tenantId,
          name: s['name'] as string,
          timeZone: s['time_zone'] as string,
          locales: s['locales'] as Locale[],
          defaultLocale: s['default_locale'] as Locale,
          revision: Number(s['revision']),
        }
      : defaultTenantSettings(tenantId),
    enabledChannels: row!.channels,
    templates: row!.templates,
    borrowerId: row!.borrower_id,
  };
}
