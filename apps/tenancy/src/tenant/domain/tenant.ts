import type { ComplaintChannel, ComplaintClockPolicy, Locale } from '@redress/contracts';

export type TenantStatus = 'ACTIVE' | 'SUSPENDED';

/** A lender on the platform: the registry's row, platform-level (it is not owned by a tenant). */
export interface Tenant {
  id: string;
  name: string;
  /** Short code in reference numbers, e.g. NWD. */
  code: string;
  locales: Locale[];
  defaultLocale: Locale;
  timeZone: string;
  enabledChannels: ComplaintChannel[];
  clockPolicy: ComplaintClockPolicy;
  /** The refunds service's policy, validated by it; null for its default. */
  refundPolicy: Record<string, unknown> | null;
  status: TenantStatus;
  statusReason: string | null;
  revision: number;
  onboardedAt: Date;
  onboardedBy: string;
  updatedAt: Date;
}

export type TenantSettings = Pick<
  Tenant,
  'name' | 'code' | 'locales' | 'defaultLocale' | 'timeZone' | 'enabledChannels' | 'clockPolicy' | 'refundPolicy'
>;
