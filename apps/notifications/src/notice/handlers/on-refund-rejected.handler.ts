import { RefundRejectedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { refundRejectedNotice } from '../domain/who-is-told';
import { recordNotices } from '../commands/record-notices/record-notices';

/** A refund was rejected: why, and the right to ask for a review. */
export const onRefundRejected = eventHandler(RefundRejectedV1, async (event, manager) => {
  await recordNotices(manager, event, refundRejectedNotice(event.payload));
});
