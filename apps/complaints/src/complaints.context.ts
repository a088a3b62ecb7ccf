import DataLoader from 'dataloader';
import { withTenant } from '@redress/database';
import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { Complaint } from './complaint/domain/complaint';
import { complaintRepository } from './complaint/infrastructure/complaint.repository';

export interface ComplaintsContext extends RequestContext {
  /** Batches every complaint lookup of one request (queries and `_entities`) into one SQL query. */
  complaintById: DataLoader<string, Complaint | null>;
}

export function createComplaintsContext(deps: ServiceDeps, base: RequestContext): ComplaintsContext {
  const tenantId = base.caller.tenantId;
  return {
    ...base,
    complaintById: new DataLoader(async (ids) => {
      const found = await withTenant(deps.dataSource, tenantId, (m) => complaintRepository.findByIds(m, tenantId, ids));
      const byId = new Map(found.map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
