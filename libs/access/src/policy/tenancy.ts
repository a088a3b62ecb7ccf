import type { Role } from '../roles';

/** Who may do what in the tenancy service: the tenant registry, partner-app credentials, its audit trail. */
export const TENANCY_POLICY = {
  /** Onboard, suspend and reinstate lenders; list every tenant. Platform operators only. */
  'tenancy.manageTenants': ['platform_admin'],
  'tenancy.listTenants': ['platform_admin'],
  /** A lender's own settings (name, code, locales, policies), as its staff and apps see them. */
  'tenancy.readOwnTenant': ['tenant_admin', 'handler', 'supervisor', 'reviewer', 'mediator', 'compliance', 'partner_app'],
  /** Change the lender's own settings (locales, time zone, channels, clock and refund policies); platform administrators change any lender's. */
  'tenancy.updateOwnSettings': ['tenant_admin'],
  /** Create, list and revoke the tenant's partner-app client credentials. */
  'tenancy.manageClientCredentials': ['tenant_admin'],
  /** The audit trail of changes to a tenant and its credentials (platform admins: any tenant's). */
  'tenancy.readAuditTrail': ['platform_admin', 'tenant_admin', 'compliance'],
} as const satisfies Record<string, readonly Role[]>;
