import DataLoader from 'dataloader';
import { borrowerScope } from '@redress/access';
import { withTenant } from '@redress/database';
import type { RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { deliveryRepository } from './delivery/infrastructure/delivery.repository';
import type { Notice } from './notice/domain/notice';
import { noticeRepository, type NoticePage } from './notice/infrastructure/notice.repository';

interface NoticesOfComplaintKey {
  complaintId: string;
  page: NoticePage;
}

export interface DeliveryAttemptView {
  attempt: number;
  attemptedAt: Date;
  outcome: string;
  error: string | null;
}

export interface NotificationsContext extends RequestContext {
  /**
   * Batches `Complaint.notifications` for every complaint of a request (e.g. a whole page of
   * `_entities` representations) into one SQL query per distinct page shape, usually exactly one.
   * A borrower-scoped caller sees only their own in-app notices.
   */
  noticesOfComplaint: DataLoader<NoticesOfComplaintKey, Notice[], string>;
  /** Batches `Notification.deliveryAttempts` of a page into one query. */
  attemptsOfNotice: DataLoader<string, DeliveryAttemptView[]>;
}

export function createNotificationsContext(deps: ServiceDeps, base: RequestContext): NotificationsContext {
  const tenantId = base.caller.tenantId;
  const borrowerId = borrowerScope(base.caller)?.borrowerId ?? null;
  const pageKey = (page: NoticePage) => JSON.stringify(page);
  return {
    ...base,
    noticesOfComplaint: new DataLoader(
      async (keys) => {
        const groups = new Map<string, { page: NoticePage; ids: string[] }>();
        for (const key of keys) {
          const group = groups.get(pageKey(key.page)) ?? { page: key.page, ids: [] };
          group.ids.push(key.complaintId);
          groups.set(pageKey(key.page), group);
        }
        const results = await withTenant(deps.dataSource, tenantId, async (m) => {
          const out = new Map<string, Map<string, Notice[]>>();
          for (const [k, g] of groups) out.set(k, await noticeRepository.pageByComplaints(m, tenantId, g.ids, g.page, borrowerId));
          return out;
        });
        return keys.map((key) => results.get(pageKey(key.page))?.get(key.complaintId) ?? []);
      },
      { cacheKeyFn: (key) => `${key.complaintId}|${pageKey(key.page)}` },
    ),
    attemptsOfNotice: new DataLoader(async (ids) => {
      const rows = await withTenant(deps.dataSource, tenantId, (m) => deliveryRepository.attemptsOf(m, tenantId, ids));
      return ids.map((id) =>
        rows.filter((r) => r.notice_id === id).map((r) => ({ attempt: r.attempt, attemptedAt: r.attempted_at, outcome: r.outcome, error: r.error })),
      );
    }),
  };
}
