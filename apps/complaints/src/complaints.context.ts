import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { withTenant } from '@redress/database';
import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { CaseNote, Communication } from './complaint/domain/case-file';
import type { Complaint, ComplaintStep } from './complaint/domain/complaint';
import { caseFileRepository, type StoredEvidence } from './complaint/infrastructure/case-file.repository';
import { createComplaintRepository, type ComplaintRepository } from './complaint/infrastructure/complaint.repository';

export interface ComplaintsContext extends RequestContext {
  complaints: ComplaintRepository;
  /** Batches every complaint lookup of one request (queries and `_entities`) into one SQL query. */
  complaintById: DataLoader<string, Complaint | null>;
  /** Batches the timelines of every complaint in a request into one SQL query. */
  timelineOf: DataLoader<string, ComplaintStep[]>;
  communicationsOf: DataLoader<string, Communication[]>;
  notesOf: DataLoader<string, CaseNote[]>;
  evidenceOf: DataLoader<string, StoredEvidence[]>;
}

/** One loader per kind of record around a complaint: a list of 50 complaints costs one query per kind. */
function batched<T extends { complaintId: string }>(
  deps: ServiceDeps,
  tenantId: string,
  load: (m: EntityManager, ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const rows = await withTenant(deps.dataSource, tenantId, (m) => load(m, ids));
    return ids.map((id) => rows.filter((r) => r.complaintId === id));
  });
}

export function createComplaintsContext(deps: ServiceDeps, base: RequestContext): ComplaintsContext {
  const tenantId = base.caller.tenantId;
  const complaints = createComplaintRepository(deps.personalData);
  return {
    ...base,
    complaints,
    complaintById: new DataLoader(async (ids) => {
      const found = await withTenant(deps.dataSource, tenantId, (m) => complaints.findByIds(m, tenantId, ids));
      const byId = new Map(found.map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    timelineOf: batched(deps, tenantId, (m, ids) => complaints.stepsOf(m, tenantId, ids)),
    communicationsOf: batched(deps, tenantId, (m, ids) => caseFileRepository.communicationsOf(m, tenantId, ids)),
    notesOf: batched(deps, tenantId, (m, ids) => caseFileRepository.notesOf(m, tenantId, ids)),
    evidenceOf: batched(deps, tenantId, (m, ids) => caseFileRepository.evidenceOf(m, tenantId, ids)),
  };
}
