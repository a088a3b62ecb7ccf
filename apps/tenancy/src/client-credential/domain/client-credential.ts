import { ValidationError } from '@redress/domain-kit';

/** A partner app's credential; its secret exists only as a hash. */
export interface ClientCredential {
  id: string;
  tenantId: string;
  clientId: string;
  name: string;
  roles: string[];
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  lastUsedAt: Date | null;
}

/** Partner apps act as the tenant's app; a token exchanged for one borrower narrows that further. */
export const CLIENT_CREDENTIAL_ROLES = ['partner_app'] as const;

export function validateCredentialName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw new ValidationError('input.name', 'must be 1–100 characters');
  return trimmed;
}
