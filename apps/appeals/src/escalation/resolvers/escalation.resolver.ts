import { authorize } from '@redress/access';
import { withTenant } from '@redress/database';
import { isUuid } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, ValidationError, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { ExternalRouteCode } from '@redress/contracts';
import type { AppealsContext } from '../../appeals.context';
import { EscalationHandler } from '../commands/escalation.handler';
import type { EscalationInput, EscalationStatus, ExternalEscalation } from '../domain/external-escalation';
import { escalationRepository } from '../infrastructure/escalation.repository';

interface EscalationFilterInput {
  routes?: ExternalRouteCode[] | null;
  statuses?: EscalationStatus[] | null;
  complaintId?: string | null;
  appealId?: string | null;
}

const idOrNull = (field: string, value: string | null | undefined) => {
  if (!value) return null;
  if (!isUuid(value)) throw new ValidationError(field, 'is not an id');
  return value;
};

/** External escalations: records of matters taken outside the lender. */
export function escalationResolvers(deps: ServiceDeps) {
  const handler = new EscalationHandler(deps.dataSource, deps.outbox);
  const ctxOf = (ctx: AppealsContext) => ({ tenantId: ctx.caller.tenantId, actorId: ctx.caller.actorId, correlationId: ctx.requestId });
  return {
    Query: {
      externalEscalations: async (_: unknown, args: PageArgs & { filter?: EscalationFilterInput | null }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.readEscalations');
        const page = readPage(args, isTimeIdKey);
        const f = args.filter ?? {};
        const filter = {
          routes: f.routes?.length ? f.routes : null,
          statuses: f.statuses?.length ? f.statuses : null,
          complaintId: idOrNull('filter.complaintId', f.complaintId),
          appealId: idOrNull('filter.appealId', f.appealId),
        };
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => escalationRepository.list(m, tenantId, filter, page));
        return toConnection(rows, page, (e) => [e.escalatedAt.toISOString(), e.id]);
      },
    },
    Mutation: {
      recordExternalEscalation: async (_: unknown, args: { input: EscalationInput }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.recordEscalation');
        return { escalation: await handler.record({ ...ctxOf(ctx), input: args.input }) };
      },
      updateExternalEscalation: async (
        _: unknown,
        args: { input: { escalationId: string; status: string; outcome?: string | null; expectedVersion?: number | null } },
        ctx: AppealsContext,
      ) => {
        authorize(ctx.caller, 'appeals.recordEscalation');
        const i = args.input;
        return { escalation: await handler.update({ ...ctxOf(ctx), escalationId: i.escalationId, status: i.status, outcome: i.outcome ?? null, expectedVersion: i.expectedVersion ?? null }) };
      },
    },
    ExternalEscalation: {
      complaint: (e: ExternalEscalation) => (e.complaintId ? { __typename: 'Complaint', id: e.complaintId } : null),
      appeal: (e: ExternalEscalation, _: unknown, ctx: AppealsContext) => (e.appealId ? ctx.appealById.load(e.appealId) : null),
    },
    Complaint: {
      externalEscalations: (complaint: { id: string }, _: unknown, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.readEscalations');
        return ctx.escalationsOfComplaint.load(complaint.id);
      },
    },
  };
}
