import { ComplaintStatusChangedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { complaintStatusNotice } from '../domain/who-is-told';
import { recordNotices } from '../commands/record-notices/record-notices';

/** Tells the complainant of the steps they must know of; internal steps send nothing. */
export const onComplaintStatusChanged = eventHandler(ComplaintStatusChangedV1, async (event, manager) => {
  const draft = complaintStatusNotice(event.payload, new Date(event.occurredAt));
  if (draft) await recordNotices(manager, event, draft);
});
