import type { Locale } from '@redress/contracts';
import { authorize } from '@redress/access';
import { withTenant } from '@redress/database';
import { readPage, toConnection, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { NotificationsContext } from '../../notifications.context';
import type { NoticeChannel, NoticeKind } from '../../notice/domain/notice';
import { NOTICE_KIND_NAMES, variablesOf } from '../../notice/domain/notice-kinds';
import { saveTemplate } from '../commands/save-template/save-template.handler';
import { templateRepository, type StoredTemplate } from '../infrastructure/template.repository';

const isTemplateKey = (v: unknown): v is [string, string, string] =>
  Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string' && x.length <= 40);

interface TemplateFilter {
  kind?: NoticeKind | null;
  channel?: NoticeChannel | null;
  locale?: Locale | null;
}

/** Templates through the graph: read by administrators and compliance, edited by the tenant administrator. */
export function templateResolvers(deps: ServiceDeps) {
  return {
    Query: {
      notificationTemplates: async (_: unknown, args: PageArgs & TemplateFilter, ctx: NotificationsContext) => {
        authorize(ctx.caller, 'notifications.readTemplates');
        const page = readPage(args, isTemplateKey);
        const filter = { kind: args.kind ?? undefined, channel: args.channel ?? undefined, locale: args.locale ?? undefined };
        const rows = await withTenant(deps.dataSource, ctx.caller.tenantId, (m) => templateRepository.list(m, ctx.caller.tenantId, filter, page));
        return toConnection(rows, page, (t: StoredTemplate) => [t.kind, t.channel, t.locale]);
      },
      notificationTemplateVariables: (_: unknown, args: { kind: NoticeKind }, ctx: NotificationsContext) => {
        authorize(ctx.caller, 'notifications.readTemplates');
        return NOTICE_KIND_NAMES.includes(args.kind) ? [...variablesOf(args.kind)] : [];
      },
    },
    Mutation: {
      saveNotificationTemplate: async (
        _: unknown,
        { input }: { input: { kind: NoticeKind; channel: NoticeChannel; locale: Locale; subject: string; body: string; expectedVersion?: number | null } },
        ctx: NotificationsContext,
      ) => {
        authorize(ctx.caller, 'notifications.manageTemplates');
        const template = await saveTemplate(deps.dataSource, {
          tenantId: ctx.caller.tenantId,
          actorId: ctx.caller.actorId,
          kind: input.kind,
          channel: input.channel,
          locale: input.locale,
          subject: input.subject,
          body: input.body,
          expectedVersion: input.expectedVersion ?? null,
        });
        return { template };
      },
    },
  };
}
