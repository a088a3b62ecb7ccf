import { isUuid } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, ValidationError, DateTimeScalar, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { withTenant } from '@redress/database';
import { FileComplaintHandler } from '../commands/file-complaint/file-complaint.handler';
import { TransitionComplaintHandler } from '../commands/transition-complaint/transition-complaint.handler';
import type { TransitionRequest } from '../domain/complaint-transition';
import { actionsAvailable } from '../domain/complaint-lifecycle';
import { clocksOf } from '../domain/complaint-clocks';
import { validateFilter, type ComplaintFilterInput, type ComplaintOrder } from '../domain/complaint-filter';
import type { ComplaintIntakeInput } from '../domain/complaint-intake';
import type { Complaint } from '../domain/complaint';
import { complaintRepository } from '../infrastructure/complaint.repository';
import type { ComplaintsContext } from '../../complaints.context';

interface StepInput {
  complaintId: string;
  expectedVersion?: number | null;
  reason?: string | null;
  handlerId?: string | null;
  team?: string | null;
  note?: string | null;
  conclusion?: string | null;
  outcome?: string;
  reasons?: string;
  remedies?: { type: string; amount?: { amountMinor: number; currency: string } | null; description?: string | null }[];
  accountability?: string | null;
  satisfaction?: number;
  comment?: string | null;
}

/** GraphQL's names of the lifecycle actions, mapped to the domain's. */
const ACTION_ENUM = {
  FILE: 'file',
  ACCEPT: 'accept',
  DECLINE: 'decline',
  ASSIGN: 'assign',
  START_INVESTIGATION: 'startInvestigation',
  REQUEST_REVIEW: 'requestReview',
  COMPLETE_REVIEW: 'completeReview',
  PROPOSE_RESOLUTION: 'proposeResolution',
  ACCEPT_RESOLUTION: 'acceptResolution',
  REJECT_RESOLUTION: 'rejectResolution',
  CARRY_OUT: 'carryOut',
  RECORD_FOLLOW_UP: 'recordFollowUp',
  CLOSE: 'close',
  WITHDRAW: 'withdraw',
  MERGE: 'merge',
  ARCHIVE: 'archive',
};

/** Thin adapters: each resolver builds a command or a query and hands it on. */
export function complaintResolvers(deps: ServiceDeps) {
  const fileComplaint = new FileComplaintHandler(deps.dataSource, deps.outbox);
  const transition = new TransitionComplaintHandler(deps.dataSource, deps.outbox);
  const step =
    (toRequest: (input: StepInput) => TransitionRequest) =>
    async (_: unknown, args: { input: StepInput }, ctx: ComplaintsContext) => {
      if (!isUuid(args.input.complaintId)) throw new ValidationError('input.complaintId', 'is not a complaint id');
      const complaint = await transition.execute({
        tenantId: ctx.caller.tenantId,
        actorId: ctx.caller.actorId,
        correlationId: ctx.requestId,
        complaintId: args.input.complaintId,
        expectedVersion: args.input.expectedVersion ?? null,
        request: toRequest(args.input),
      });
      return { complaint };
    };
  return {
    DateTime: DateTimeScalar,
    Locale: { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' },
    ComplaintAction: ACTION_ENUM,
    Query: {
      complaint: (_: unknown, args: { id: string }, ctx: ComplaintsContext) => {
        if (!isUuid(args.id)) throw new ValidationError('id', 'is not a complaint id');
        return ctx.complaintById.load(args.id);
      },
      complaints: async (
        _: unknown,
        args: PageArgs & { filter?: ComplaintFilterInput | null; orderBy?: ComplaintOrder | null },
        ctx: ComplaintsContext,
      ) => {
        const page = readPage(args, isTimeIdKey);
        const filter = validateFilter(args.filter);
        const order = args.orderBy ?? 'RECEIVED_NEWEST_FIRST';
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => complaintRepository.list(m, tenantId, filter, order, page));
        const keyOf = order === 'DECISION_DUE_SOONEST_FIRST' ? (c: Complaint) => c.decisionDueAt : (c: Complaint) => c.receivedAt;
        return toConnection(rows, page, (c) => [keyOf(c).toISOString(), c.id]);
      },
    },
    Mutation: {
      fileComplaint: async (_: unknown, args: { input: ComplaintIntakeInput }, ctx: ComplaintsContext) => {
        const complaint = await fileComplaint.execute({
          tenantId: ctx.caller.tenantId,
          actorId: ctx.caller.actorId,
          correlationId: ctx.requestId,
          input: args.input,
        });
        return { complaint };
      },
      acceptComplaint: step(() => ({ action: 'accept' })),
      declineComplaint: step((input) => ({ action: 'decline', reason: input.reason ?? '' })),
      assignComplaint: step((input) => ({ action: 'assign', handlerId: input.handlerId ?? '', team: input.team })),
      startInvestigation: step(() => ({ action: 'startInvestigation' })),
      withdrawComplaint: step((input) => ({ action: 'withdraw', reason: input.reason })),
      requestReview: step((input) => ({ action: 'requestReview', note: input.note })),
      completeReview: step((input) => ({ action: 'completeReview', conclusion: input.conclusion ?? '' })),
      proposeResolution: step((input) => ({
        action: 'proposeResolution',
        resolution: { outcome: input.outcome ?? '', reasons: input.reasons ?? '', remedies: input.remedies ?? [], accountability: input.accountability },
      })),
      acceptResolution: step(() => ({ action: 'acceptResolution' })),
      rejectResolution: step((input) => ({ action: 'rejectResolution', reason: input.reason })),
      carryOutResolution: step((input) => ({ action: 'carryOut', note: input.note })),
      recordFollowUp: step((input) => ({ action: 'recordFollowUp', satisfaction: input.satisfaction ?? 0, comment: input.comment })),
      closeComplaint: step(() => ({ action: 'close' })),
      archiveComplaint: step(() => ({ action: 'archive' })),
    },
    Complaint: {
      availableActions: (c: Complaint) => actionsAvailable(c.status),
      timeline: (c: Complaint, _: unknown, ctx: ComplaintsContext) => ctx.timelineOf.load(c.id),
      clocks: async (c: Complaint, _: unknown, ctx: ComplaintsContext) =>
        clocksOf(c, await ctx.timelineOf.load(c.id), new Date()).map((clock) => ({
          kind: clock.kind,
          dueAt: clock.dueAt,
          timeLeftSeconds: Math.trunc(clock.timeLeftMs / 1000),
          state: clock.state,
        })),
      __resolveReference: (ref: { id: string }, ctx: ComplaintsContext) => ctx.complaintById.load(ref.id),
      complainant: (c: Complaint) => c.complainant,
    },
  };
}
