import type { Locale } from '@redress/contracts';
import { DEFAULT_TIME_ZONE } from '../../notice/domain/format-instant';

/** What notifications keeps of a tenant's onboarding. */
export interface TenantSettings {
  tenantId: string;
  name: string;
  timeZone: string;
  locales: Locale[];
  defaultLocale: Locale;
  revision: number;
}

/** A tenant not (yet) onboarded through the tenants service: the seeds' lenders' defaults. */
export function defaultTenantSettings(tenantId: string): TenantSettings {
  return { tenantId, name: '', timeZone: DEFAULT_TIME_ZONE, locales: ['zh-CN', 'zh-TW', 'en'], defaultLocale: 'zh-CN', revision: 0 };
}

/** The locale a notice is written in: the borrower's, if the tenant serves it, else the tenant's default. */
export function noticeLocale(settings: TenantSettings, wanted: Locale): Locale {
  return settings.locales.includes(wanted) ? wanted : settings.defaultLocale;
}
