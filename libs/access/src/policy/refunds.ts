import type { Role } from '../roles';

/** Who may do what in the refunds service. */
export const REFUNDS_POLICY = {
  /** A refund request recorded by staff (hotline, email) or sent by a partner app or the borrower. */
  'refunds.request': ['handler', 'supervisor', 'partner_app', 'borrower'],
  'refunds.read': ['handler', 'supervisor', 'reviewer', 'compliance', 'tenant_admin', 'partner_app'],
  /** A borrower (or an app acting for one) reads their own refunds only: see `borrowerScope`. */
  'refunds.readOwn': ['borrower'],
  /** Approve or reject; the four-eyes rule decides when one approval is not enough. */
  'refunds.review': ['handler', 'supervisor'],
  /** The second approval of a refund above the tenant's threshold. */
  'refunds.approveSecond': ['supervisor'],
  /** Record the lender's charge a request names, retry a failed payout, record a reversal. */
  'refunds.work': ['handler', 'supervisor'],
  'refunds.configurePolicy': ['tenant_admin'],
} as const satisfies Record<string, readonly Role[]>;
