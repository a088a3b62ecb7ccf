import { authorize, authorizeAny, borrowerScope, can } from '@redress/access';
import { isUuid } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, ValidationError, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { withTenant } from '@redress/database';
import type { PayoutProcessor } from '../../payout/jobs/payout-processor';
import type { RefundsContext } from '../../refunds.context';
import { ApproveRefundHandler } from '../commands/approve-refund/approve-refund.handler';
import { RecordChargeHandler } from '../commands/record-charge/record-charge.handler';
import { RecordPayoutReversalHandler } from '../commands/record-payout-reversal/record-payout-reversal.handler';
import { RejectRefundHandler } from '../commands/reject-refund/reject-refund.handler';
import { RequestRefundHandler } from '../commands/request-refund/request-refund.handler';
import { RetryPayoutHandler } from '../commands/retry-payout/retry-payout.handler';
import { approvalsRequired } from '../domain/four-eyes';
import type { Refund } from '../domain/refund';
import { validateRefundFilter, type RefundFilterInput } from '../domain/refund-filter';
import type { ChargeInput, RefundRequestInput } from '../domain/refund-request';
import { refundRepository } from '../infrastructure/refund.repository';

const cursorOf = (r: Refund) => [r.requestedAt.toISOString(), r.id];

function refundId(input: { refundId: string }): string {
  if (!isUuid(input.refundId)) throw new ValidationError('input.refundId', 'is not a refund id');
  return input.refundId;
}

/** Thin adapters: each resolver checks the caller's permission, builds a command and hands it on. */
export function refundResolvers(deps: ServiceDeps, payouts: () => PayoutProcessor | null) {
  const request = new RequestRefundHandler(deps.dataSource, { outbox: deps.outbox, personalData: deps.personalData });
  const approve = new ApproveRefundHandler(deps.dataSource, deps.outbox);
  const reject = new RejectRefundHandler(deps.dataSource, deps.outbox);
  const recordCharge = new RecordChargeHandler(deps.dataSource, deps.outbox);
  const retry = new RetryPayoutHandler(deps.dataSource, deps.outbox);
  const reversal = new RecordPayoutReversalHandler(deps.dataSource, deps.outbox);
  const base = (ctx: RefundsContext) => ({ tenantId: ctx.caller.tenantId, actorId: ctx.caller.actorId, correlationId: ctx.requestId });
  const readable = (ctx: RefundsContext) => authorizeAny(ctx.caller, ['refunds.read', 'refunds.readOwn']);

  return {
    Query: {
      refund: (_: unknown, args: { id: string }, ctx: RefundsContext) => {
        readable(ctx);
        if (!isUuid(args.id)) throw new ValidationError('id', 'is not a refund id');
        return ctx.refundById.load(args.id);
      },
      refunds: async (_: unknown, args: PageArgs & { filter?: RefundFilterInput | null }, ctx: RefundsContext) => {
        readable(ctx);
        const page = readPage(args, isTimeIdKey);
        const filter = validateRefundFilter(args.filter);
        const scope = borrowerScope(ctx.caller);
        if (scope) filter.borrowerId = scope.borrowerId;
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => refundRepository.list(m, tenantId, filter, page));
        return toConnection(rows, page, cursorOf);
      },
    },
    Mutation: {
      requestRefund: async (_: unknown, args: { input: RefundRequestInput }, ctx: RefundsContext) => {
        authorize(ctx.caller, 'refunds.request');
        // Hotline calls and emails are recorded by staff; an app or a borrower asks through the app.
        if (args.input.channel !== 'PARTNER_APP' && !can(ctx.caller, 'refunds.work')) {
          throw new ValidationError('input.channel', 'only staff record HOTLINE and EMAIL requests; an app or a borrower asks as PARTNER_APP');
        }
        return request.execute({ ...base(ctx), borrowerScope: borrowerScope(ctx.caller)?.borrowerId ?? null, input: args.input });
      },
      approveRefund: async (_: unknown, args: { input: { refundId: string; note?: string | null; overrideReason?: string | null } }, ctx: RefundsContext) => {
        authorize(ctx.caller, 'refunds.review');
        const result = await approve.execute({
          tenantId: ctx.caller.tenantId,
          correlationId: ctx.requestId,
          approver: { actorId: ctx.caller.actorId, maySecondApprove: can(ctx.caller, 'refunds.approveSecond') },
          refundId: refundId(args.input),
          note: args.input.note,
          overrideReason: args.input.overrideReason,
        });
        if (result.payout) payouts()?.nudge();
        return { refund: result.refund };
      },
      rejectRefund: async (_: unknown, args: { input: { refundId: string; reasons: string } }, ctx: RefundsContext) => {
        authorize(ctx.caller, 'refunds.review');
        return { refund: await reject.execute({ ...base(ctx), refundId: refundId(args.input), reasons: args.input.reasons }) };
      },
      recordRefundCharge: async (_: unknown, args: { input: { refundId: string; charge: ChargeInput } }, ctx: RefundsContext) => {
        authorize(ctx.caller, 'refunds.work');
        return { refund: await recordCharge.execute({ ...base(ctx), refundId: refundId(args.input), charge: args.input.charge }) };
      },
      retryRefundPayout: async (_: unknown, args: { input: { refundId: string } }, ctx: RefundsContext) => {
        authorize(ctx.caller, 'refunds.work');
        const result = await retry.execute({ ...base(ctx), refundId: refundId(args.input) });
        payouts()?.nudge();
        return { refund: result.refund };
      },
      recordRefundPayoutReversal: async (_: unknown, args: { input: { refundId: string; reason: string } }, ctx: RefundsContext) => {
        authorize(ctx.caller, 'refunds.work');
        return { refund: await reversal.execute({ ...base(ctx), refundId: refundId(args.input), reason: args.input.reason }) };
      },
    },
    Complaint: {
      // The complaint itself lives in the complaints service; here it is only the key of its refunds.
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      refunds: async (complaint: { id: string }, args: PageArgs, ctx: RefundsContext) => {
        readable(ctx);
        const page = readPage(args, isTimeIdKey);
        return toConnection(await ctx.refundsOfComplaint.load({ complaintId: complaint.id, page }), page, cursorOf);
      },
    },
    Refund: {
      complaint: (r: Refund) => (r.complaintId ? { __typename: 'Complaint', id: r.complaintId } : null),
      charge: (r: Refund, _: unknown, ctx: RefundsContext) => (r.chargeId ? ctx.chargeById.load(r.chargeId) : null),
      payouts: (r: Refund, _: unknown, ctx: RefundsContext) => ctx.payoutsOf.load(r.id),
      timeline: (r: Refund, _: unknown, ctx: RefundsContext) => ctx.timelineOf.load(r.id),
      approvalsRequired: async (r: Refund, _: unknown, ctx: RefundsContext) => {
        const policy = await ctx.policyVersion.load(r.policyVersion);
        const byThreshold = policy ? approvalsRequired(policy.policy, r.amount) : 2;
        const onlyHandler = r.handlerId !== null && r.approvals.length > 0 && r.approvals.every((a) => a.approverId === r.handlerId);
        return Math.max(byThreshold, onlyHandler ? 2 : 1);
      },
      rejectionReasons: (r: Refund) => r.rejection?.reasons ?? null,
    },
    Charge: {
      refundedAmount: (c: { amount: { currency: string }; committedMinor: number }) => ({ amountMinor: c.committedMinor, currency: c.amount.currency }),
      remainingAmount: (c: { amount: { amountMinor: number; currency: string }; committedMinor: number }) => ({
        amountMinor: c.amount.amountMinor - c.committedMinor,
        currency: c.amount.currency,
      }),
    },
  };
}
