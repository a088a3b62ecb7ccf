import { ComplaintDecisionIssuedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { complaintDecisionNotice } from '../domain/who-is-told';
import { recordNotices } from '../commands/record-notices/record-notices';

/** The decision notice: outcome, reasons, remedies and the right to ask for a review, by when. */
export const onComplaintDecisionIssued = eventHandler(ComplaintDecisionIssuedV1, async (event, manager) => {
  await recordNotices(manager, event, complaintDecisionNotice(event.payload));
});
