import { AppealDismissedV1, AppealUpheldV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { appealDecidedNotice } from '../domain/who-is-told';
import { recordNotices } from '../commands/record-notices/record-notices';

export const onAppealUpheld = eventHandler(AppealUpheldV1, async (event, manager) => {
  await recordNotices(manager, event, appealDecidedNotice(event.payload, true));
});

/** Dismissed: the reasons and the routes outside the lender. */
export const onAppealDismissed = eventHandler(AppealDismissedV1, async (event, manager) => {
  await recordNotices(manager, event, appealDecidedNotice(event.payload, false));
});
