import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import { auditTrail, type AuditActor } from '../../../audit/infrastructure/audit-trail.repository';
import { tenantRepository } from '../../../tenant/infrastructure/tenant.repository';
import { CLIENT_CREDENTIAL_ROLES, validateCredentialName, type ClientCredential } from '../../domain/client-credential';
import { clientCredentialRepository } from '../../infrastructure/client-credential.repository';
import { hashClientSecret, newClientId, newClientSecret } from '../../infrastructure/client-secret';

export interface CreateClientCredentialCommand extends AuditActor {
  tenantId: string;
  name: string;
}

/** Creates a partner-app credential; the secret leaves this handler once, in its result, and is stored only hashed. */
export class CreateClientCredentialHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: CreateClientCredentialCommand): Promise<{ credential: ClientCredential; clientSecret: string }> {
    const name = validateCredentialName(command.name);
    const clientSecret = newClientSecret();
    const secretHash = await hashClientSecret(clientSecret);
    const at = this.now();
    const credential: ClientCredential = {
      id: randomUUID(),
      tenantId: command.tenantId,
      clientId: newClientId(),
      name,
      roles: [...CLIENT_CREDENTIAL_ROLES],
      createdAt: at,
      createdBy: command.actorId,
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
    };
    await withTenant(this.dataSource, command.tenantId, async (manager) => {
      // A credential belongs to an onboarded tenant (the foreign key says so too; this says it kindly).
      if (!(await tenantRepository.findById(manager, command.tenantId))) {
        throw new DomainError('FORBIDDEN', 'Your lender is not onboarded on this platform.');
      }
      await clientCredentialRepository.insert(manager, credential, secretHash);
      await auditTrail.record(
        manager,
        {
          tenantId: command.tenantId,
          action: 'clientCredential.created',
          subjectType: 'ClientCredential',
          subjectId: credential.id,
          details: { clientId: credential.clientId, name, roles: credential.roles },
        },
        command,
        at,
      );
    });
    return { credential, clientSecret };
  }
}
