import type { Role } from '../roles';

/** Who may do what in the notifications service. */
export const NOTIFICATIONS_POLICY = {
  'notifications.read': ['handler', 'supervisor', 'reviewer', 'mediator', 'compliance', 'tenant_admin', 'partner_app'],
  /** A borrower reads their own notices only: see `borrowerScope`. */
  'notifications.readOwn': ['borrower'],
  'notifications.readDeliveryReport': ['tenant_admin', 'compliance', 'supervisor'],
  'notifications.manageTemplates': ['tenant_admin'],
  'notifications.readTemplates': ['tenant_admin', 'compliance', 'supervisor'],
  'notifications.configureChannels': ['tenant_admin'],
  'notifications.retryDelivery': ['tenant_admin'],
  /** A borrower sets their own; an app or staff member sets them on the borrower's request. */
  'notifications.setPreferences': ['borrower', 'partner_app', 'handler', 'supervisor'],
  'notifications.readPreferences': ['borrower', 'partner_app', 'handler', 'supervisor', 'tenant_admin', 'compliance'],
  'notifications.markRead': ['borrower', 'partner_app'],
} as const satisfies Record<string, readonly Role[]>;
