import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import { validateInstitution, validateMediator, type Institution, type InstitutionInput, type Mediator, type MediatorInput } from '../domain/registry';
import { registryRepository } from '../infrastructure/registry.repository';

/** Registers institutions and mediators in the tenant's registry. */
export class ManageRegistryHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async registerInstitution(tenantId: string, input: InstitutionInput): Promise<Institution> {
    const valid = validateInstitution(input);
    const institution: Institution = { id: randomUUID(), tenantId, ...valid, active: true, createdAt: this.now() };
    await withTenant(this.dataSource, tenantId, (m) => registryRepository.insertInstitution(m, institution));
    return institution;
  }

  async registerMediator(tenantId: string, input: MediatorInput): Promise<Mediator> {
    if (!isUuid(input.institutionId)) throw new ValidationError('input.institutionId', 'is not an institution id');
    return withTenant(this.dataSource, tenantId, async (manager) => {
      const [institution] = await registryRepository.institutionsByIds(manager, tenantId, [input.institutionId]);
      if (!institution) throw new DomainError('NOT_FOUND', "No institution with this id in your lender's registry", { field: 'input.institutionId' });
      const mediator: Mediator = { id: randomUUID(), tenantId, institutionId: institution.id, ...validateMediator(input, institution), active: true, createdAt: this.now() };
      if (!(await registryRepository.insertMediator(manager, mediator))) {
        throw new ValidationError('input.actorId', 'is already registered as a mediator');
      }
      return mediator;
    });
  }

  async setMediatorActive(tenantId: string, mediatorId: string, active: boolean): Promise<Mediator> {
    if (!isUuid(mediatorId)) throw new ValidationError('input.mediatorId', 'is not a mediator id');
    return withTenant(this.dataSource, tenantId, async (manager) => {
      if (!(await registryRepository.setMediatorActive(manager, tenantId, mediatorId, active))) {
        throw new DomainError('NOT_FOUND', "No mediator with this id in your lender's registry", { field: 'input.mediatorId' });
      }
      return (await registryRepository.mediatorsByIds(manager, tenantId, [mediatorId]))[0]!;
    });
  }
}
