/**
 * The roles of the platform (issue 4). A caller's token carries one or more; what each may do is
 * written down in `policy/`, one file per service, and nowhere else.
 */
export const ROLES = [
  /** Operates the platform: onboards and suspends tenants. Sees no tenant's cases. */
  'platform_admin',
  /** A lender's administrator: its settings, templates, policies and staff. */
  'tenant_admin',
  /** Works complaints, refunds and appeals day to day. */
  'handler',
  /** Oversees handlers: approves extensions, second approvals, reassignments. */
  'supervisor',
  /** Sits on the review committee (internal review, appeals). */
  'reviewer',
  /** Mediation specialist. */
  'mediator',
  /** Compliance officer: sees confidential misconduct reports and the audit trail. */
  'compliance',
  /** A partner app of the tenant, calling with client credentials. */
  'partner_app',
  /** A borrower, or a partner app acting for exactly one borrower. */
  'borrower',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Staff of a lender (as opposed to partner apps, borrowers and the platform operator). */
export const STAFF_ROLES: readonly Role[] = ['tenant_admin', 'handler', 'supervisor', 'reviewer', 'mediator', 'compliance'];

/**
 * The tenant id platform operators' tokens carry: they act for no lender. Only `platform_admin`
 * may hold it, and `platform_admin` is held in no other tenant (the gateway refuses both mixes).
 */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';
