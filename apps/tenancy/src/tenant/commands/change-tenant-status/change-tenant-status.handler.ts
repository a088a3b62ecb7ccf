import type { DataSource } from 'typeorm';
import { TenantStatusChangedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { auditTrail, type AuditActor } from '../../../audit/infrastructure/audit-trail.repository';
import type { Tenant, TenantStatus } from '../../domain/tenant';
import { validateStatusReason } from '../../domain/tenant-settings';
import { tenantRepository } from '../../infrastructure/tenant.repository';

export interface ChangeTenantStatusCommand extends AuditActor {
  tenantId: string;
  to: TenantStatus;
  reason: string;
}

/**
 * Suspends or reinstates a tenant: the row (locked, so two changes take turns), the audit entry and
 * `TenantStatusChanged`, in one transaction. Data is never touched; the gateway refuses a suspended
 * tenant's requests once it sees the new status.
 */
export class ChangeTenantStatusHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: ChangeTenantStatusCommand): Promise<Tenant> {
    if (!isUuid(command.tenantId)) throw new ValidationError('input.tenantId', 'is not a tenant id');
    const reason = validateStatusReason(command.reason);
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await tenantRepository.findById(manager, command.tenantId, true);
      if (!current) throw new DomainError('NOT_FOUND', 'No tenant with this id.', { field: 'input.tenantId' });
      if (current.status === command.to) {
        throw new DomainError('CONFLICT', `The tenant is already ${current.status}; it cannot go from ${current.status} to ${command.to}.`, {
          from: current.status,
          to: command.to,
        });
      }
      const at = this.now();
      const changed: Tenant = { ...current, status: command.to, statusReason: reason, revision: current.revision + 1, updatedAt: at };
      await tenantRepository.updateStatus(manager, changed);
      await auditTrail.record(
        manager,
        {
          tenantId: changed.id,
          action: command.to === 'SUSPENDED' ? 'tenant.suspended' : 'tenant.reinstated',
          subjectType: 'Tenant',
          subjectId: changed.id,
          details: { from: current.status, to: changed.status, reason, revision: changed.revision },
        },
        command,
        at,
      );
      await this.outbox.append(
        manager,
        TenantStatusChangedV1,
        { tenantId: changed.id, status: changed.status, reason, revision: changed.revision, changedAt: at.toISOString() },
        { tenantId: changed.id, aggregateId: changed.id, correlationId: command.requestId },
      );
      return changed;
    });
  }
}
