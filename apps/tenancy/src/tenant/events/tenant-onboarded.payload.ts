import type { TenantOnboardedPayload } from '@redress/contracts';
import type { Tenant } from '../domain/tenant';

/** `TenantOnboarded` carries a tenant's whole current settings, at onboarding and after every change. */
export function tenantOnboardedPayload(tenant: Tenant): TenantOnboardedPayload {
  return {
    tenantId: tenant.id,
    name: tenant.name,
    code: tenant.code,
    locales: tenant.locales,
    defaultLocale: tenant.defaultLocale,
    timeZone: tenant.timeZone,
    enabledChannels: tenant.enabledChannels,
    clockPolicy: tenant.clockPolicy,
    refundPolicy: tenant.refundPolicy,
    revision: tenant.revision,
    onboardedAt: tenant.onboardedAt.toISOString(),
  };
}
