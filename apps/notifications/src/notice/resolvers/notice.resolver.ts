import { authorize, authorizeAny, borrowerScope, can } from '@redress/access';
import type { DeliveryStatus, NoticeChannel } from '../domain/notice';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import { DateTimeScalar, isTimeIdKey, readPage, toConnection, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { NotificationsContext } from '../../notifications.context';
import { deliveryRepository } from '../../delivery/infrastructure/delivery.repository';
import type { Notice } from '../domain/notice';
import { noticeRepository } from '../infrastructure/notice.repository';
import { borrowerOf } from './borrower-of';

const cursorOf = (n: Notice) => [n.createdAt.toISOString(), n.id];

/** Thin adapters over the notice repository. */
export function noticeResolvers(deps: ServiceDeps) {
  const inTenant = <T>(ctx: NotificationsContext, work: Parameters<typeof withTenant<T>>[2]) => withTenant(deps.dataSource, ctx.caller.tenantId, work);
  return {
    DateTime: DateTimeScalar,
    Locale: { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' },
    Query: {
      notifications: async (_: unknown, args: PageArgs, ctx: NotificationsContext) => {
        authorize(ctx.caller, 'notifications.read');
        const page = readPage(args, isTimeIdKey);
        const rows = await inTenant(ctx, (m) => noticeRepository.listNewestFirst(m, ctx.caller.tenantId, page));
        return toConnection(rows, page, cursorOf);
      },
      notificationInbox: async (_: unknown, args: PageArgs & { borrowerId?: string | null }, ctx: NotificationsContext) => {
        authorizeAny(ctx.caller, ['notifications.read', 'notifications.readOwn']);
        const borrowerId = borrowerOf(ctx.caller, args.borrowerId);
        const page = readPage(args, isTimeIdKey);
        const rows = await inTenant(ctx, (m) => noticeRepository.listNewestFirst(m, ctx.caller.tenantId, page, { borrowerId, channel: 'IN_APP' }));
        return toConnection(rows, page, cursorOf);
      },
      notificationDeliveryReport: async (
        _: unknown,
        args: PageArgs & { status?: DeliveryStatus | null; channel?: NoticeChannel | null },
        ctx: NotificationsContext,
      ) => {
        authorize(ctx.caller, 'notifications.readDeliveryReport');
        const page = readPage(args, isTimeIdKey);
        const tenantId = ctx.caller.tenantId;
        return inTenant(ctx, async (m) => ({
          counts: await noticeRepository.countByStatus(m, tenantId, args.channel ?? null),
          notices: toConnection(
            await noticeRepository.listNewestFirst(m, tenantId, page, { status: args.status ?? undefined, channel: args.channel ?? undefined }),
            page,
            cursorOf,
          ),
        }));
      },
    },
    Mutation: {
      retryNotification: async (_: unknown, args: { id: string }, ctx: NotificationsContext) => {
        authorize(ctx.caller, 'notifications.retryDelivery');
        if (!isUuid(args.id)) throw new ValidationError('id', 'is not a notice id');
        const tenantId = ctx.caller.tenantId;
        return inTenant(ctx, async (m) => {
          const notice = await noticeRepository.findById(m, tenantId, args.id);
          if (!notice) throw new DomainError('NOT_FOUND', 'No such notice.', { field: 'id' });
          if (!(await deliveryRepository.requeue(m, tenantId, args.id, new Date()))) {
            throw new DomainError('CONFLICT', `Only a DEAD_LETTERED notice can be retried; this one is ${notice.status}.`, {
              currentState: notice.status,
              requiredState: 'DEAD_LETTERED',
            });
          }
          return { notification: await noticeRepository.findById(m, tenantId, args.id) };
        });
      },
      markNotificationsRead: async (_: unknown, args: { ids: string[] }, ctx: NotificationsContext) => {
        authorize(ctx.caller, 'notifications.markRead');
        if (args.ids.length > 100) throw new ValidationError('ids', 'at most 100 at a time');
        args.ids.forEach((id, i) => {
          if (!isUuid(id)) throw new ValidationError(`ids.${i}`, 'is not a notice id');
        });
        const borrowerId = borrowerScope(ctx.caller)?.borrowerId ?? null;
        const rows = await inTenant(ctx, (m) => noticeRepository.markRead(m, ctx.caller.tenantId, args.ids, borrowerId, new Date()));
        return { notifications: rows };
      },
    },
    Complaint: {
      // The complaint itself lives in the complaints service; here it is only the key of its notices.
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      notifications: async (complaint: { id: string }, args: PageArgs, ctx: NotificationsContext) => {
        authorizeAny(ctx.caller, ['notifications.read', 'notifications.readOwn']);
        const page = readPage(args, isTimeIdKey);
        const rows = await ctx.noticesOfComplaint.load({ complaintId: complaint.id, page });
        return toConnection(rows, page, cursorOf);
      },
    },
    Notification: {
      complaint: (notice: Notice) => (notice.complaintId ? { __typename: 'Complaint', id: notice.complaintId } : null),
      statusReason: (notice: Notice) => notice.lastError,
      deliveryAttempts: (notice: Notice, _: unknown, ctx: NotificationsContext) =>
        can(ctx.caller, 'notifications.read') ? ctx.attemptsOfNotice.load(notice.id) : [],
    },
  };
}
