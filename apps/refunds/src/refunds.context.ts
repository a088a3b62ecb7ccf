import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { borrowerScope } from '@redress/access';
import { withTenant } from '@redress/database';
import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { RefundPolicyVersion } from './policy/domain/refund-policy';
import { policyRepository } from './policy/infrastructure/policy.repository';
import type { Charge, Payout, Refund, RefundStep } from './refund/domain/refund';
import { chargeRepository } from './refund/infrastructure/charge.repository';
import { payoutRepository } from './refund/infrastructure/payout.repository';
import { refundRepository, type RefundPage } from './refund/infrastructure/refund.repository';

interface RefundsOfComplaintKey {
  complaintId: string;
  page: RefundPage;
}

export interface RefundsContext extends RequestContext {
  /** Refunds by id, batched into one query per request; a borrower-scoped caller sees only their own. */
  refundById: DataLoader<string, Refund | null>;
  /** `Complaint.refunds` for every complaint of a request (e.g. an `_entities` page) in one query per page shape. */
  refundsOfComplaint: DataLoader<RefundsOfComplaintKey, Refund[], string>;
  payoutsOf: DataLoader<string, Payout[]>;
  /** The timelines of every refund in a request, in one query. */
  timelineOf: DataLoader<string, RefundStep[]>;
  chargeById: DataLoader<string, Charge | null>;
  policyVersion: DataLoader<number, RefundPolicyVersion | null>;
}

export function createRefundsContext(deps: ServiceDeps, base: RequestContext): RefundsContext {
  const tenantId = base.caller.tenantId;
  const scope = borrowerScope(base.caller);
  const visible = (r: Refund) => !scope || r.borrowerId === scope.borrowerId;
  const tx = <T>(work: (m: EntityManager) => Promise<T>) => withTenant(deps.dataSource, tenantId, work);
  const pageKey = (page: RefundPage) => JSON.stringify(page);
  return {
    ...base,
    refundById: new DataLoader(async (ids) => {
      const found = await tx((m) => refundRepository.findByIds(m, tenantId, ids));
      const byId = new Map(found.filter(visible).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    refundsOfComplaint: new DataLoader(
      async (keys) => {
        const groups = new Map<string, { page: RefundPage; ids: string[] }>();
        for (const key of keys) {
          const group = groups.get(pageKey(key.page)) ?? { page: key.page, ids: [] };
          group.ids.push(key.complaintId);
          groups.set(pageKey(key.page), group);
        }
        const results = await tx(async (m) => {
          const out = new Map<string, Map<string, Refund[]>>();
          for (const [k, g] of groups) out.set(k, await refundRepository.pageByComplaints(m, tenantId, g.ids, g.page, scope?.borrowerId ?? null));
          return out;
        });
        return keys.map((key) => results.get(pageKey(key.page))?.get(key.complaintId) ?? []);
      },
      { cacheKeyFn: (key) => `${key.complaintId}|${pageKey(key.page)}` },
    ),
    payoutsOf: new DataLoader(async (refundIds) => {
      const payouts = await tx((m) => payoutRepository.ofRefunds(m, tenantId, refundIds));
      return refundIds.map((id) => payouts.filter((p) => p.refundId === id));
    }),
    timelineOf: new DataLoader(async (refundIds) => {
      const steps = await tx((m) => refundRepository.stepsOf(m, tenantId, refundIds));
      return refundIds.map((id) => steps.filter((s) => s.refundId === id));
    }),
    chargeById: new DataLoader(async (ids) => {
      const charges = await tx((m) => chargeRepository.byIds(m, tenantId, ids));
      return ids.map((id) => charges.find((c) => c.id === id) ?? null);
    }),
    policyVersion: new DataLoader(async (versions) => {
      const found = await tx((m) => policyRepository.byVersions(m, tenantId, versions));
      return versions.map((v) => found.find((p) => p.version === v) ?? null);
    }),
  };
}
