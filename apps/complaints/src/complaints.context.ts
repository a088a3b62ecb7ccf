import DataLoader from 'dataloader';
import { withTenant } from '@redress/database';
import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { Complaint, ComplaintStep } from './complaint/domain/complaint';
import { complaintRepository } from './complaint/infrastructure/complaint.repository';

export interface ComplaintsContext extends RequestContext {
  /** Batches every complaint lookup of one request (queries and `_entities`) into one SQL query. */
  complaintById: DataLoader<string, Complaint | null>;
  /** Batches the timelines of every complaint in a request into one SQL query. */
  timelineOf: DataLoader<string, ComplaintStep[]>;
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
    timelineOf: new DataLoader(async (ids) => {
      const steps = await withTenant(deps.dataSource, tenantId, (m) => complaintRepository.stepsOf(m, tenantId, ids));
      return ids.map((id) => steps.filter((s) => s.complaintId === id));
    }),
  };
}
