import type { Role } from '../roles';

/** Who may do what in the complaints service. */
export const COMPLAINTS_POLICY = {
  'complaints.file': ['handler', 'supervisor', 'partner_app', 'borrower'],
  'complaints.read': ['handler', 'supervisor', 'reviewer', 'mediator', 'compliance', 'tenant_admin', 'partner_app'],
  /** A borrower (or an app acting for one) reads their own cases only: see `borrowerScope`. */
  'complaints.readOwn': ['borrower'],
  'complaints.work': ['handler', 'supervisor'],
  'complaints.review': ['reviewer', 'supervisor'],
  'complaints.approveSeniorExtension': ['supervisor'],
  /** The complainant's own answer to a proposed resolution, recorded by staff or given by the borrower. */
  'complaints.respondToResolution': ['handler', 'supervisor', 'borrower', 'partner_app'],
  'complaints.withdraw': ['handler', 'supervisor', 'borrower', 'partner_app'],
  'complaints.readInternalNotes': ['handler', 'supervisor', 'reviewer', 'compliance'],
  /** The reporter of a misconduct report is hidden from everyone but compliance. */
  'complaints.readConfidentialReporter': ['compliance'],
  'complaints.readPersonalData': ['handler', 'supervisor', 'compliance'],
  /** The append-only audit trail of a case: every step and every read of a confidential reporter. */
  'complaints.readAuditTrail': ['compliance', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;
