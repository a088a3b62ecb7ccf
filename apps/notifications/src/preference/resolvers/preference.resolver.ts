import { authorize } from '@redress/access';
import { withTenant } from '@redress/database';
import type { ServiceDeps } from '@redress/service-kit';
import type { NotificationsContext } from '../../notifications.context';
import { borrowerOf } from '../../notice/resolvers/borrower-of';
import { setPreferences } from '../commands/set-preferences/set-preferences.handler';
import type { QuietHours } from '../domain/quiet-hours';
import { preferenceRepository } from '../infrastructure/preference.repository';

export function preferenceResolvers(deps: ServiceDeps) {
  return {
    Query: {
      notificationPreferences: async (_: unknown, args: { borrowerId?: string | null }, ctx: NotificationsContext) => {
        authorize(ctx.caller, 'notifications.readPreferences');
        const borrowerId = borrowerOf(ctx.caller, args.borrowerId);
        const prefs = await withTenant(deps.dataSource, ctx.caller.tenantId, (m) => preferenceRepository.get(m, ctx.caller.tenantId, borrowerId));
        return prefs ?? { borrowerId, optedOutChannels: [], quietHours: null };
      },
    },
    Mutation: {
      setNotificationPreferences: async (
        _: unknown,
        { input }: { input: { borrowerId?: string | null; optedOutChannels: string[]; quietHours?: QuietHours | null } },
        ctx: NotificationsContext,
      ) => {
        authorize(ctx.caller, 'notifications.setPreferences');
        const preferences = await setPreferences(deps.dataSource, {
          tenantId: ctx.caller.tenantId,
          actorId: ctx.caller.actorId,
          borrowerId: borrowerOf(ctx.caller, input.borrowerId, 'input.borrowerId'),
          optedOutChannels: input.optedOutChannels,
          quietHours: input.quietHours ?? null,
        });
        return { preferences };
      },
    },
  };
}
