import { DomainError } from '@redress/domain-kit';
import { POLICY, type Permission } from './policy';

/** The part of a caller access decisions look at (the gateway-verified caller has more). */
export interface Principal {
  actorId: string;
  roles: readonly string[];
  borrowerId: string | null;
}

export function can(principal: Principal, permission: Permission): boolean {
  const allowed: readonly string[] = POLICY[permission];
  return principal.roles.some((r) => allowed.includes(r));
}

/** Refuses with FORBIDDEN, naming the permission (never anything about the data). */
export function authorize(principal: Principal, permission: Permission): void {
  if (!can(principal, permission)) {
    throw new DomainError('FORBIDDEN', `Your role may not do this (${permission} needs one of: ${POLICY[permission].join(', ')}).`, {
      permission,
    });
  }
}

/** Refuses unless the caller holds at least one of the permissions. Returns the first one held. */
export function authorizeAny(principal: Principal, permissions: readonly Permission[]): Permission {
  const held = permissions.find((p) => can(principal, p));
  if (!held) {
    throw new DomainError('FORBIDDEN', `Your role may not do this (needs one of: ${permissions.join(', ')}).`, { permissions });
  }
  return held;
}

/**
 * For a borrower-scoped caller, the only borrower whose data they may see; null for staff and
 * partner apps acting for the tenant. A borrower role without a borrower id sees nothing.
 */
export function borrowerScope(principal: Principal): { borrowerId: string } | null {
  if (principal.borrowerId) return { borrowerId: principal.borrowerId };
  if (principal.roles.includes('borrower')) return { borrowerId: '\u0000none' };
  return null;
}
