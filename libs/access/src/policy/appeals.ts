import type { Role } from '../roles';

/** Who may do what in the appeals service. */
export const APPEALS_POLICY = {
  /** Filed by the borrower, or recorded for them by staff or their partner app. */
  'appeals.file': ['borrower', 'partner_app', 'handler', 'supervisor'],
  'appeals.read': ['handler', 'supervisor', 'reviewer', 'compliance', 'tenant_admin', 'partner_app'],
  /** A borrower (or an app acting for one) reads their own appeals and decisions only: see `borrowerScope`. */
  'appeals.readOwn': ['borrower'],
  'appeals.withdraw': ['borrower', 'partner_app', 'handler', 'supervisor'],
  'appeals.assignReviewer': ['supervisor', 'handler'],
  'appeals.referToCommittee': ['supervisor'],
  /** Decide as the assigned reviewer, or as the committee's chair. */
  'appeals.decide': ['reviewer', 'supervisor', 'handler'],
  'appeals.vote': ['reviewer', 'supervisor'],
  'appeals.configurePolicy': ['tenant_admin'],
  'appeals.readPolicy': ['tenant_admin', 'supervisor', 'handler', 'reviewer', 'compliance'],
  'appeals.readEscalations': ['handler', 'supervisor', 'reviewer', 'compliance', 'tenant_admin'],
  'appeals.recordEscalation': ['handler', 'supervisor', 'compliance'],
  'appeals.readRelatedMatters': ['handler', 'supervisor', 'reviewer', 'compliance', 'tenant_admin'],
  'appeals.manageRelatedMatters': ['handler', 'supervisor', 'compliance'],
} as const satisfies Record<string, readonly Role[]>;
