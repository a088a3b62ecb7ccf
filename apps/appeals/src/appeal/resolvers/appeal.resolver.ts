import { authorize, authorizeAny, borrowerScope } from '@redress/access';
import { EXTERNAL_ROUTES } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { isUuid } from '@redress/domain-kit';
import { DateTimeScalar, isTimeIdKey, readPage, toConnection, ValidationError, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { AppealsContext } from '../../appeals.context';
import { DecideAppealHandler } from '../commands/decide-appeal/decide-appeal.handler';
import { FileAppealHandler } from '../commands/file-appeal/file-appeal.handler';
import { AppealReviewStepsHandler } from '../commands/review-steps/review-steps.handler';
import { isOpen, tally, type Appeal, type AppealIntakeInput, type AppealOutcome, type Vote } from '../domain/appeal';
import { readAppealClock } from '../domain/appeal-clock';
import { validateAppealFilter, type AppealFilterInput, type AppealOrder } from '../domain/appeal-filter';
import { appealRepository } from '../infrastructure/appeal.repository';

interface StepInput {
  appealId: string;
  expectedVersion?: number | null;
}

function appealId(input: StepInput): string {
  if (!isUuid(input.appealId)) throw new ValidationError('input.appealId', 'is not an appeal id');
  return input.appealId;
}

/** Thin adapters: each resolver checks the caller's permission, builds a command or a query and hands it on. */
export function appealResolvers(deps: ServiceDeps) {
  const fileAppeal = new FileAppealHandler(deps.dataSource, deps.outbox);
  const decideAppeal = new DecideAppealHandler(deps.dataSource, deps.outbox);
  const steps = new AppealReviewStepsHandler(deps.dataSource, deps.outbox);
  const context = (ctx: AppealsContext, input: StepInput) => ({
    tenantId: ctx.caller.tenantId,
    actorId: ctx.caller.actorId,
    correlationId: ctx.requestId,
    borrowerScope: borrowerScope(ctx.caller),
    appealId: appealId(input),
    expectedVersion: input.expectedVersion ?? null,
  });
  const list = async (ctx: AppealsContext, args: PageArgs, filter: ReturnType<typeof validateAppealFilter>) => {
    const page = readPage(args, isTimeIdKey);
    const tenantId = ctx.caller.tenantId;
    const rows = await withTenant(deps.dataSource, tenantId, (m) => appealRepository.list(m, tenantId, filter, page));
    const keyOf = filter.order === 'DECISION_DUE_SOONEST_FIRST' ? (a: Appeal) => a.decisionDueAt : (a: Appeal) => a.filedAt;
    return toConnection(rows, page, (a) => [keyOf(a).toISOString(), a.id]);
  };
  return {
    DateTime: DateTimeScalar,
    Query: {
      externalRoutes: () => EXTERNAL_ROUTES,
      appeal: async (_: unknown, args: { id: string }, ctx: AppealsContext) => {
        authorizeAny(ctx.caller, ['appeals.read', 'appeals.readOwn']);
        if (!isUuid(args.id)) throw new ValidationError('id', 'is not an appeal id');
        const appeal = await ctx.appealById.load(args.id);
        const scope = borrowerScope(ctx.caller);
        return appeal && (!scope || appeal.borrowerId === scope.borrowerId) ? appeal : null;
      },
      appeals: async (_: unknown, args: PageArgs & { filter?: AppealFilterInput | null; orderBy?: AppealOrder | null }, ctx: AppealsContext) => {
        authorizeAny(ctx.caller, ['appeals.read', 'appeals.readOwn']);
        const filter = validateAppealFilter(args.filter, args.orderBy);
        const scope = borrowerScope(ctx.caller);
        return list(ctx, args, scope ? { ...filter, borrowerId: scope.borrowerId } : filter);
      },
      committeeWorklist: async (_: unknown, args: PageArgs & { memberId?: string | null; awaitingVoteOnly?: boolean | null }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.read');
        const memberId = args.memberId?.trim() || ctx.caller.actorId;
        const base = validateAppealFilter({ statuses: ['IN_COMMITTEE'] }, 'DECISION_DUE_SOONEST_FIRST');
        const awaiting = args.awaitingVoteOnly ?? true;
        return list(ctx, args, { ...base, committeeMemberId: memberId, awaitingVoteOf: awaiting ? memberId : null });
      },
    },
    Mutation: {
      fileAppeal: async (_: unknown, args: { input: AppealIntakeInput }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.file');
        const appeal = await fileAppeal.execute({
          tenantId: ctx.caller.tenantId,
          actorId: ctx.caller.actorId,
          correlationId: ctx.requestId,
          borrowerScope: borrowerScope(ctx.caller),
          input: args.input,
        });
        return { appeal };
      },
      assignAppealReviewer: async (_: unknown, args: { input: StepInput & { reviewerId: string } }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.assignReviewer');
        return { appeal: await steps.assignReviewer({ ...context(ctx, args.input), reviewerId: args.input.reviewerId }) };
      },
      referAppealToCommittee: async (_: unknown, args: { input: StepInput & { memberIds: string[]; chairId: string } }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.referToCommittee');
        return { appeal: await steps.referToCommittee({ ...context(ctx, args.input), memberIds: args.input.memberIds, chairId: args.input.chairId }) };
      },
      castCommitteeVote: async (_: unknown, args: { input: StepInput & { vote: Vote; opinion?: string | null } }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.vote');
        return { appeal: await steps.castVote({ ...context(ctx, args.input), expectedVersion: null, vote: args.input.vote, opinion: args.input.opinion ?? null }) };
      },
      decideAppeal: async (_: unknown, args: { input: StepInput & { outcome: AppealOutcome; reasons: string } }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.decide');
        return { appeal: await decideAppeal.execute({ ...context(ctx, args.input), outcome: args.input.outcome, reasons: args.input.reasons }) };
      },
      withdrawAppeal: async (_: unknown, args: { input: StepInput & { reason?: string | null } }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.withdraw');
        return { appeal: await steps.withdraw({ ...context(ctx, args.input), expectedVersion: null, reason: args.input.reason ?? null }) };
      },
    },
    Appeal: {
      decision: (a: Appeal, _: unknown, ctx: AppealsContext) => ctx.decisionById.load(a.decisionId),
      complaint: (a: Appeal) => (a.complaintId ? { __typename: 'Complaint', id: a.complaintId } : null),
      // Borrowers see what was decided and why, not which staff member did what.
      reviewerId: (a: Appeal, _: unknown, ctx: AppealsContext) => (borrowerScope(ctx.caller) ? null : a.reviewerId),
      decidedBy: (a: Appeal, _: unknown, ctx: AppealsContext) => (borrowerScope(ctx.caller) ? null : a.decidedBy),
      committee: (a: Appeal, _: unknown, ctx: AppealsContext) => {
        if (!a.committee.length || borrowerScope(ctx.caller)) return null;
        const votes = tally(a);
        return { members: a.committee, upholdVotes: votes.uphold, dismissVotes: votes.dismiss, pendingVotes: votes.pending };
      },
      clock: async (a: Appeal, _: unknown, ctx: AppealsContext) => {
        const policy = await ctx.policy();
        let stoppedAt = a.decidedAt;
        if (!stoppedAt && !isOpen(a.status)) stoppedAt = [...(await ctx.timelineOf.load(a.id))].reverse().find((s) => s.toStatus === a.status)?.at ?? null;
        const reading = readAppealClock(a.decisionDueAt, policy.warningHours, stoppedAt, new Date());
        return { dueAt: a.decisionDueAt, timeLeftSeconds: clampSeconds(reading.timeLeftMs), state: reading.state };
      },
      externalRoutes: () => EXTERNAL_ROUTES,
      timeline: async (a: Appeal, _: unknown, ctx: AppealsContext) => {
        const steps = await ctx.timelineOf.load(a.id);
        if (!borrowerScope(ctx.caller)) return steps;
        return steps.map((s) => ({ ...s, actorId: s.actorId === ctx.caller.actorId ? s.actorId : 'staff', note: s.action === 'UPHOLD' || s.action === 'DISMISS' || s.action === 'WITHDRAW' ? s.note : null }));
      },
    },
    Complaint: {
      // The complaint lives in the complaints service; here it is only the key of its appeals.
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      appeals: async (complaint: { id: string }, args: PageArgs, ctx: AppealsContext) => {
        authorizeAny(ctx.caller, ['appeals.read', 'appeals.readOwn']);
        const page = readPage(args, isTimeIdKey);
        const scope = borrowerScope(ctx.caller);
        const rows = await ctx.appealsOfComplaint.load({ complaintId: complaint.id, page, borrowerId: scope?.borrowerId ?? null });
        return toConnection(rows, page, (a) => [a.filedAt.toISOString(), a.id]);
      },
    },
  };
}

function clampSeconds(ms: number): number {
  return Math.max(-2_147_483_647, Math.min(2_147_483_647, Math.trunc(ms / 1000)));
}
