import type { Role } from '../roles';
import { COMPLAINTS_POLICY } from './complaints';
import { MEDIATION_POLICY } from './mediation';
import { APPEALS_POLICY } from './appeals';
import { REFUNDS_POLICY } from './refunds';
import { NOTIFICATIONS_POLICY } from './notifications';
import { TENANCY_POLICY } from './tenancy';

/**
 * The whole access policy: every permission of every service and the roles that hold it.
 * Services add their file here; a permission not listed is held by no one.
 */
export const POLICY = {
  ...COMPLAINTS_POLICY,
  ...MEDIATION_POLICY,
  ...APPEALS_POLICY,
  ...REFUNDS_POLICY,
  ...NOTIFICATIONS_POLICY,
  ...TENANCY_POLICY,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;
