import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TenantOnboardedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { auditTrail, type AuditActor } from '../../../audit/infrastructure/audit-trail.repository';
import type { Tenant } from '../../domain/tenant';
import { validateTenantSettings, type OnboardTenantInput } from '../../domain/tenant-settings';
import { tenantRepository } from '../../infrastructure/tenant.repository';
import { tenantOnboardedPayload } from '../../events/tenant-onboarded.payload';

export interface OnboardTenantCommand extends AuditActor {
  input: OnboardTenantInput;
}

/**
 * Onboards a lender: the registry row, its audit entry and `TenantOnboarded` in one transaction.
 * Input is checked first, so bad input stores and publishes nothing. The transaction runs under
 * the new tenant, so the audit entry passes its row-level security.
 */
export class OnboardTenantHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: OnboardTenantCommand): Promise<Tenant> {
    const { tenantId, settings } = validateTenantSettings(command.input);
    const at = this.now();
    const tenant: Tenant = {
      id: tenantId ?? randomUUID(),
      ...settings,
      status: 'ACTIVE',
      statusReason: null,
      revision: 1,
      onboardedAt: at,
      onboardedBy: command.actorId,
      updatedAt: at,
    };
    return withTenant(this.dataSource, tenant.id, async (manager) => {
      const result = await tenantRepository.insert(manager, tenant);
      if (result === 'id-taken') {
        throw new DomainError('CONFLICT', 'input.tenantId: a tenant with this id is already onboarded', { field: 'input.tenantId' });
      }
      if (result === 'code-taken') {
        throw new DomainError('CONFLICT', `input.code: the code ${tenant.code} is already used by another tenant`, { field: 'input.code' });
      }
      await auditTrail.record(
        manager,
        {
          tenantId: tenant.id,
          action: 'tenant.onboarded',
          subjectType: 'Tenant',
          subjectId: tenant.id,
          details: { ...settings, revision: tenant.revision },
        },
        command,
        at,
      );
      await this.outbox.append(
        manager,
        TenantOnboardedV1,
        tenantOnboardedPayload(tenant),
        { tenantId: tenant.id, aggregateId: tenant.id, correlationId: command.requestId },
      );
      return tenant;
    });
  }
}
