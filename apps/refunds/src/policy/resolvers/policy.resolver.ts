import { authorize, authorizeAny } from '@redress/access';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import { ValidationError } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { RefundsContext } from '../../refunds.context';
import { policyInForce, UpdateRefundPolicyHandler } from '../commands/update-refund-policy/update-refund-policy.handler';
import { FEE_TYPES } from '../domain/fee-type.catalog';
import type { RefundPolicyVersion } from '../domain/refund-policy';

/** The policy's GraphQL shape: the version's facts beside the policy's own fields. */
const view = (v: RefundPolicyVersion) => ({ version: v.version, effectiveFrom: v.effectiveFrom, createdBy: v.createdBy, ...v.policy });

export function policyResolvers(deps: ServiceDeps) {
  const update = new UpdateRefundPolicyHandler(deps.dataSource, deps.outbox);
  return {
    Query: {
      refundableFeeTypes: () => FEE_TYPES.map((f) => ({ code: f.code, nameZhCn: f.name['zh-CN'], nameEn: f.name.en })),
      refundPolicy: async (_: unknown, args: { version?: number | null }, ctx: RefundsContext) => {
        authorizeAny(ctx.caller, ['refunds.read', 'refunds.configurePolicy']);
        const tenantId = ctx.caller.tenantId;
        if (args.version === null || args.version === undefined) {
          return view(await withTenant(deps.dataSource, tenantId, (m) => policyInForce(m, deps.outbox, tenantId, new Date(), ctx.requestId)));
        }
        if (!Number.isInteger(args.version) || args.version < 1) throw new ValidationError('version', 'must be a positive whole number');
        const found = await ctx.policyVersion.load(args.version);
        if (!found) throw new DomainError('NOT_FOUND', `No refund policy version ${args.version}`, { field: 'version' });
        return view(found);
      },
    },
    Mutation: {
      updateRefundPolicy: async (_: unknown, args: { input: Record<string, unknown> }, ctx: RefundsContext) => {
        authorize(ctx.caller, 'refunds.configurePolicy');
        const input = { ...args.input, timeZone: args.input['timeZone'] ?? undefined };
        return view(await update.execute({ tenantId: ctx.caller.tenantId, actorId: ctx.caller.actorId, correlationId: ctx.requestId, policy: input }));
      },
    },
  };
}
