import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import { auditTrail, type AuditActor } from '../../../audit/infrastructure/audit-trail.repository';
import type { ClientCredential } from '../../domain/client-credential';
import { clientCredentialRepository } from '../../infrastructure/client-credential.repository';

export interface RevokeClientCredentialCommand extends AuditActor {
  tenantId: string;
  id: string;
}

/** Revokes a credential of the caller's tenant; another tenant's looks missing (NOT_FOUND). */
export class RevokeClientCredentialHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RevokeClientCredentialCommand): Promise<ClientCredential> {
    if (!isUuid(command.id)) throw new ValidationError('input.id', 'is not a credential id');
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await clientCredentialRepository.findById(manager, command.tenantId, command.id, true);
      if (!current) throw new DomainError('NOT_FOUND', 'No client credential with this id.', { field: 'input.id' });
      if (current.revokedAt) throw new DomainError('CONFLICT', 'The credential is already revoked; it cannot go from REVOKED to REVOKED.', { from: 'REVOKED', to: 'REVOKED' });
      const at = this.now();
      await clientCredentialRepository.revoke(manager, command.tenantId, command.id, at, command.actorId);
      await auditTrail.record(
        manager,
        {
          tenantId: command.tenantId,
          action: 'clientCredential.revoked',
          subjectType: 'ClientCredential',
          subjectId: current.id,
          details: { clientId: current.clientId },
        },
        command,
        at,
      );
      return { ...current, revokedAt: at, revokedBy: command.actorId };
    });
  }
}
