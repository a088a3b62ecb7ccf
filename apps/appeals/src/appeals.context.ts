import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { withTenant } from '@redress/database';
import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { Appeal } from './appeal/domain/appeal';
import { appealRepository, type AppealStep } from './appeal/infrastructure/appeal.repository';
import type { AppealableDecision } from './decision/domain/appealable-decision';
import { decisionRepository } from './decision/infrastructure/decision.repository';
import type { ExternalEscalation } from './escalation/domain/external-escalation';
import { escalationRepository } from './escalation/infrastructure/escalation.repository';
import type { AppealPolicy } from './policy/domain/appeal-policy';
import { policyRepository } from './policy/infrastructure/policy.repository';
import { relatedMatterRepository, type RelatedCase } from './related-matter/infrastructure/related-matter.repository';

export interface AppealPage {
  limit: number;
  after: [string, string] | null;
}

interface AppealsOfComplaintKey {
  complaintId: string;
  page: AppealPage;
  borrowerId: string | null;
}

export interface AppealsContext extends RequestContext {
  appealById: DataLoader<string, Appeal | null>;
  decisionById: DataLoader<string, AppealableDecision | null>;
  timelineOf: DataLoader<string, AppealStep[]>;
  /** Batches `Complaint.appeals` for every complaint of a request into one query per page shape. */
  appealsOfComplaint: DataLoader<AppealsOfComplaintKey, Appeal[], string>;
  escalationsOfComplaint: DataLoader<string, ExternalEscalation[]>;
  casesOfMatter: DataLoader<string, RelatedCase[]>;
  policy(): Promise<AppealPolicy>;
}

export function createAppealsContext(deps: ServiceDeps, base: RequestContext): AppealsContext {
  const tenantId = base.caller.tenantId;
  const inTenant = <T>(work: (manager: EntityManager) => Promise<T>) => withTenant(deps.dataSource, tenantId, work);
  const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]) => {
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  };
  let policy: Promise<AppealPolicy> | null = null;
  const pageKey = (k: AppealsOfComplaintKey) => JSON.stringify([k.page, k.borrowerId]);
  return {
    ...base,
    appealById: new DataLoader(async (ids) => byId(ids, await inTenant((m) => appealRepository.findByIds(m, tenantId, ids)))),
    decisionById: new DataLoader(async (ids) => byId(ids, await inTenant((m) => decisionRepository.findByIds(m, tenantId, ids)))),
    timelineOf: new DataLoader(async (ids) => {
      const steps = await inTenant((m) => appealRepository.stepsOf(m, tenantId, ids));
      return ids.map((id) => steps.filter((s) => s.appealId === id));
    }),
    appealsOfComplaint: new DataLoader(
      async (keys) => {
        const groups = new Map<string, { key: AppealsOfComplaintKey; ids: string[] }>();
        for (const key of keys) {
          const group = groups.get(pageKey(key)) ?? { key, ids: [] };
          group.ids.push(key.complaintId);
          groups.set(pageKey(key), group);
        }
        const results = await inTenant(async (m) => {
          const out = new Map<string, Map<string, Appeal[]>>();
          for (const [k, g] of groups) out.set(k, await appealRepository.pageByComplaints(m, tenantId, g.ids, g.key.page, g.key.borrowerId));
          return out;
        });
        return keys.map((key) => results.get(pageKey(key))?.get(key.complaintId) ?? []);
      },
      { cacheKeyFn: (key) => `${key.complaintId}|${pageKey(key)}` },
    ),
    escalationsOfComplaint: new DataLoader(async (ids) => {
      const rows = await inTenant((m) => escalationRepository.byComplaints(m, tenantId, ids));
      return ids.map((id) => rows.filter((e) => e.complaintId === id));
    }),
    casesOfMatter: new DataLoader(async (ids) => {
      const rows = await inTenant((m) => relatedMatterRepository.casesOf(m, tenantId, ids));
      return ids.map((id) => rows.filter((c) => c.matterId === id));
    }),
    policy() {
      policy ??= inTenant((m) => policyRepository.get(m, tenantId));
      return policy;
    },
  };
}
