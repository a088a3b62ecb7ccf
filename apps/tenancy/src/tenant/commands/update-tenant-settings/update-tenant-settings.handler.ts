import type { DataSource } from 'typeorm';
import { TenantOnboardedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { auditTrail, type AuditActor } from '../../../audit/infrastructure/audit-trail.repository';
import type { Tenant } from '../../domain/tenant';
import { applySettingsChange, type TenantSettingsChange } from '../../domain/tenant-settings';
import { tenantOnboardedPayload } from '../../events/tenant-onboarded.payload';
import { tenantRepository } from '../../infrastructure/tenant.repository';

export interface UpdateTenantSettingsCommand extends AuditActor {
  tenantId: string;
  /** When given, the change applies only to this revision (a stale form is a CONFLICT, not a lost update). */
  expectedRevision: number | null;
  change: TenantSettingsChange;
}

/**
 * Changes a lender's settings: the row (locked), an audit entry naming the changed fields, and
 * `TenantOnboarded` again with the next revision, from which every service takes the new settings.
 * A change that changes nothing stores and publishes nothing.
 */
export class UpdateTenantSettingsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: UpdateTenantSettingsCommand): Promise<Tenant> {
    if (!isUuid(command.tenantId)) throw new ValidationError('input.tenantId', 'is not a tenant id');
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const current = await tenantRepository.findById(manager, command.tenantId, true);
      if (!current) throw new DomainError('NOT_FOUND', 'No tenant with this id.', { field: 'input.tenantId' });
      if (command.expectedRevision !== null && command.expectedRevision !== current.revision) {
        throw new DomainError('CONFLICT', `The settings changed since revision ${command.expectedRevision}; they are at revision ${current.revision} now.`, {
          expectedRevision: command.expectedRevision,
          revision: current.revision,
        });
      }
      const { settings, changed } = applySettingsChange(current, command.change);
      if (!changed.length) return current;
      const at = this.now();
      const updated: Tenant = { ...current, ...settings, revision: current.revision + 1, updatedAt: at };
      await tenantRepository.updateSettings(manager, updated);
      await auditTrail.record(
        manager,
        {
          tenantId: updated.id,
          action: 'tenant.settingsChanged',
          subjectType: 'Tenant',
          subjectId: updated.id,
          details: {
            revision: updated.revision,
            changed: Object.fromEntries(changed.map((k) => [k, { from: current[k], to: updated[k] }])),
          },
        },
        command,
        at,
      );
      await this.outbox.append(manager, TenantOnboardedV1, tenantOnboardedPayload(updated), {
        tenantId: updated.id,
        aggregateId: updated.id,
        correlationId: command.requestId,
      });
      return updated;
    });
  }
}
