import { ComplaintFiledV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { complaintFiledNotice } from '../domain/who-is-told';
import { recordNotices } from '../commands/record-notices/record-notices';

/** A complaint was received: acknowledge it, with the reference and the deadlines. */
export const onComplaintFiled = eventHandler(ComplaintFiledV1, async (event, manager) => {
  await recordNotices(manager, event, complaintFiledNotice(event.payload));
});
