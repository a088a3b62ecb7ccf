import { MediationConcludedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { mediationConcludedNotice } from '../domain/who-is-told';
import { recordNotices } from '../commands/record-notices/record-notices';

/** A mediation ended; on failure the borrower is told of the routes outside the lender. */
export const onMediationConcluded = eventHandler(MediationConcludedV1, async (event, manager) => {
  await recordNotices(manager, event, mediationConcludedNotice(event.payload));
});
