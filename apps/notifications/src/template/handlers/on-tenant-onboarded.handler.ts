import { TenantOnboardedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { NOTICE_CHANNELS } from '../../notice/domain/notice';
import { NOTICE_KIND_NAMES } from '../../notice/domain/notice-kinds';
import { tenantSettingsRepository } from '../../tenant/infrastructure/tenant-settings.repository';
import { defaultTemplate } from '../domain/default-templates';
import { templateRepository } from '../infrastructure/template.repository';

/**
 * A lender was onboarded (or its settings changed): keep its time zone, name and locales, and give
 * it the default templates of every kind and channel in each of its locales. Templates the tenant
 * already has, edited or not, are left as they are; an older revision arriving late changes nothing.
 */
export const onTenantOnboarded = eventHandler(TenantOnboardedV1, async (event, manager) => {
  const p = event.payload;
  const now = new Date();
  const newer = await tenantSettingsRepository.saveIfNewer(
    manager,
    { tenantId: event.tenantId, name: p.name, timeZone: p.timeZone, locales: p.locales, defaultLocale: p.defaultLocale, revision: p.revision },
    now,
  );
  if (!newer) return;
  const templates = NOTICE_KIND_NAMES.flatMap((kind) =>
    NOTICE_CHANNELS.flatMap((channel) =>
      p.locales.map((locale) => ({
        tenantId: event.tenantId,
        kind,
        channel,
        locale,
        ...defaultTemplate(kind, channel, locale),
        version: 1,
        updatedAt: now,
        updatedBy: 'platform-defaults',
      })),
    ),
  );
  await templateRepository.provision(manager, templates);
});
