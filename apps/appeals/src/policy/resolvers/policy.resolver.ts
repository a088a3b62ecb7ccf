import { authorize } from '@redress/access';
import type { ServiceDeps } from '@redress/service-kit';
import type { AppealsContext } from '../../appeals.context';
import { UpdatePolicyHandler } from '../commands/update-policy/update-policy.handler';
import type { AppealPolicyInput } from '../domain/appeal-policy';

/** The tenant's appeals policy: read by staff, changed by its administrator. */
export function policyResolvers(deps: ServiceDeps) {
  const update = new UpdatePolicyHandler(deps.dataSource, deps.outbox);
  return {
    Query: {
      appealPolicy: (_: unknown, __: unknown, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.readPolicy');
        return ctx.policy();
      },
    },
    Mutation: {
      updateAppealPolicy: (_: unknown, args: { input: AppealPolicyInput }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.configurePolicy');
        return update.execute({ tenantId: ctx.caller.tenantId, actorId: ctx.caller.actorId, correlationId: ctx.requestId, input: args.input });
      },
    },
  };
}
