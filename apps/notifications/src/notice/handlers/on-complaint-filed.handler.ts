import { ComplaintFiledV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { renderComplaintReceived } from '../domain/complaint-received.template';
import { recordComplainantNotice } from './complainant-notice';

/**
 * A complaint was received: acknowledge it to the complainant, in their language, in the app.
 * Runs inside the consumer's transaction, next to the inbox record of the event.
 */
export const onComplaintFiled = eventHandler(ComplaintFiledV1, async (event, manager) => {
  const p = event.payload;
  const message = renderComplaintReceived(
    {
      reference: p.reference,
      productName: p.productName,
      receivedAt: new Date(p.receivedAt),
      firstReplyDueAt: new Date(p.firstReplyDueAt),
      decisionDueAt: new Date(p.decisionDueAt),
    },
    p.locale,
  );
  await recordComplainantNotice(manager, event, 'COMPLAINT_RECEIVED', message);
});
