import DataLoader from 'dataloader';
import { borrowerScope } from '@redress/access';
import { withTenant } from '@redress/database';
import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { MediationCase } from './case/domain/mediation-case';
import { caseRepository } from './case/infrastructure/case.repository';
import type { Institution, Mediator } from './registry/domain/registry';
import { registryRepository } from './registry/infrastructure/registry.repository';

export interface MediationContext extends RequestContext {
  /** Batches every case lookup of a request into one query; a borrower sees only their own cases. */
  caseById: DataLoader<string, MediationCase | null>;
  /** The latest case each complaint referred, for a whole `_entities` page in one query. */
  latestCaseOfComplaint: DataLoader<string, MediationCase | null>;
  mediatorById: DataLoader<string, Mediator | null>;
  institutionById: DataLoader<string, Institution | null>;
}

export function createMediationContext(deps: ServiceDeps, base: RequestContext): MediationContext {
  const tenantId = base.caller.tenantId;
  const scope = borrowerScope(base.caller);
  const visible = (c: MediationCase | undefined) => (c && (!scope || c.borrowerId === scope.borrowerId) ? c : null);
  const byIds = <T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = await load(ids);
      const map = new Map(found.map((x) => [x.id, x]));
      return ids.map((id) => map.get(id) ?? null);
    });
  return {
    ...base,
    caseById: new DataLoader(async (ids) => {
      const found = await withTenant(deps.dataSource, tenantId, (m) => caseRepository.findByIds(m, tenantId, ids));
      const map = new Map(found.map((c) => [c.id, c]));
      return ids.map((id) => visible(map.get(id)));
    }),
    latestCaseOfComplaint: new DataLoader(async (complaintIds) => {
      const found = await withTenant(deps.dataSource, tenantId, (m) => caseRepository.byComplaints(m, tenantId, complaintIds));
      return complaintIds.map((id) => visible(found.find((c) => c.complaintId === id)));
    }),
    mediatorById: byIds((ids) => withTenant(deps.dataSource, tenantId, (m) => registryRepository.mediatorsByIds(m, tenantId, ids))),
    institutionById: byIds((ids) => withTenant(deps.dataSource, tenantId, (m) => registryRepository.institutionsByIds(m, tenantId, ids))),
  };
}
