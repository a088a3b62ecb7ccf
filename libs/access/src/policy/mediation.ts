import type { Role } from '../roles';

/** Who may do what in the mediation service. */
export const MEDIATION_POLICY = {
  /** Open a mediation case or a negotiation request (a borrower for themselves only). */
  'mediation.open': ['handler', 'supervisor', 'mediator', 'partner_app', 'borrower'],
  'mediation.read': ['handler', 'supervisor', 'reviewer', 'mediator', 'compliance', 'tenant_admin', 'partner_app'],
  /** A borrower (or an app acting for one) reads their own cases only: see `borrowerScope`. */
  'mediation.readOwn': ['borrower'],
  /** Add materials and hardship evidence to a case. */
  'mediation.addMaterials': ['handler', 'supervisor', 'mediator', 'partner_app', 'borrower'],
  /** The acceptance review. */
  'mediation.review': ['supervisor', 'mediator'],
  'mediation.assign': ['supervisor'],
  /** Sessions, minutes, proposals, recusal, failure, carrying out agreed terms. */
  'mediation.mediate': ['mediator', 'supervisor'],
  /** The borrower's own answer to a proposal, given by them or recorded by staff. */
  'mediation.respond': ['borrower', 'partner_app', 'handler'],
  'mediation.withdraw': ['borrower', 'partner_app', 'handler', 'supervisor'],
  'mediation.readRegistry': ['tenant_admin', 'supervisor', 'mediator', 'handler', 'reviewer', 'compliance'],
  'mediation.manageRegistry': ['tenant_admin', 'supervisor'],
  /** Repayment schedules and fee breakdowns: anyone of the tenant may compute them. */
  'mediation.calculate': ['handler', 'supervisor', 'reviewer', 'mediator', 'compliance', 'tenant_admin', 'partner_app', 'borrower'],
} as const satisfies Record<string, readonly Role[]>;
