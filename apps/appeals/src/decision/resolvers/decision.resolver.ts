import { authorizeAny, borrowerScope } from '@redress/access';
import { APPEALABLE_KINDS, type AppealableKind } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { isUuid, optionalText } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, ValidationError, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { AppealsContext } from '../../appeals.context';
import { effectiveWindow } from '../../appeal/domain/appeal-window';
import type { AppealableDecision } from '../domain/appealable-decision';
import { decisionRepository } from '../infrastructure/decision.repository';

interface DecisionFilterInput {
  borrowerId?: string | null;
  kind?: string | null;
  subjectId?: string | null;
  complaintId?: string | null;
}

function uuidOrNull(field: string, value: string | null | undefined): string | null {
  if (!value) return null;
  if (!isUuid(value)) throw new ValidationError(field, 'is not an id');
  return value;
}

/** Appealable decisions: what a borrower may appeal and until when. */
export function decisionResolvers(deps: ServiceDeps) {
  const windowOf = async (d: AppealableDecision, ctx: AppealsContext) => {
    const policy = await ctx.policy();
    return effectiveWindow(d.receivedAt, policy.windowDays, policy.timeZone, d.announcedWindow);
  };
  return {
    Query: {
      appealableDecisions: async (_: unknown, args: PageArgs & { filter?: DecisionFilterInput | null }, ctx: AppealsContext) => {
        authorizeAny(ctx.caller, ['appeals.read', 'appeals.readOwn']);
        const page = readPage(args, isTimeIdKey);
        const f = args.filter ?? {};
        if (f.kind && !(APPEALABLE_KINDS as readonly string[]).includes(f.kind)) throw new ValidationError('filter.kind', 'is not a kind of decision');
        const scope = borrowerScope(ctx.caller);
        const filter = {
          borrowerId: scope?.borrowerId ?? optionalText('filter.borrowerId', f.borrowerId, 200),
          kind: (f.kind as AppealableKind | null | undefined) ?? null,
          subjectId: uuidOrNull('filter.subjectId', f.subjectId),
          complaintId: uuidOrNull('filter.complaintId', f.complaintId),
        };
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => decisionRepository.list(m, tenantId, filter, page));
        return toConnection(rows, page, (d) => [d.receivedAt.toISOString(), d.id]);
      },
    },
    AppealableDecision: {
      complaint: (d: AppealableDecision) => (d.complaintId ? { __typename: 'Complaint', id: d.complaintId } : null),
      appealWindowLastDay: async (d: AppealableDecision, _: unknown, ctx: AppealsContext) => (await windowOf(d, ctx)).lastDay,
      appealWindowClosesAt: async (d: AppealableDecision, _: unknown, ctx: AppealsContext) => (await windowOf(d, ctx)).closesAt,
      appealable: async (d: AppealableDecision, _: unknown, ctx: AppealsContext) => (await windowOf(d, ctx)).closesAt.getTime() > Date.now(),
      // Staff ids are internal: a borrower sees who decided only through the notice.
      deciderIds: (d: AppealableDecision, _: unknown, ctx: AppealsContext) => (borrowerScope(ctx.caller) ? [] : d.deciderIds),
    },
  };
}
