import { withTenant } from '@redress/database';
import { DateTimeScalar, isTimeIdKey, readPage, toConnection, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { NotificationsContext } from '../../notifications.context';
import type { Notice } from '../domain/notice';
import { noticeRepository } from '../infrastructure/notice.repository';

const cursorOf = (n: Notice) => [n.createdAt.toISOString(), n.id];

/** Thin adapters over the notice repository. */
export function noticeResolvers(deps: ServiceDeps) {
  return {
    DateTime: DateTimeScalar,
    Locale: { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' },
    Query: {
      notifications: async (_: unknown, args: PageArgs, ctx: NotificationsContext) => {
        const page = readPage(args, isTimeIdKey);
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => noticeRepository.listNewestFirst(m, tenantId, page));
        return toConnection(rows, page, cursorOf);
      },
    },
    Complaint: {
      // The complaint itself lives in the complaints service; here it is only the key of its notices.
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      notifications: async (complaint: { id: string }, args: PageArgs, ctx: NotificationsContext) => {
        const page = readPage(args, isTimeIdKey);
        const rows = await ctx.noticesOfComplaint.load({ complaintId: complaint.id, page });
        return toConnection(rows, page, cursorOf);
      },
    },
    Notification: {
      complaint: (notice: Notice) => ({ __typename: 'Complaint', id: notice.complaintId }),
    },
  };
}
