import { ComplaintStatusChangedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { renderComplaintAccepted, renderComplaintNotAccepted } from '../domain/complaint-decided.template';
import type { NoticeKind } from '../domain/notice';
import { recordComplainantNotice } from './complainant-notice';

const NOTICES: Partial<Record<string, { kind: NoticeKind; render: typeof renderComplaintAccepted }>> = {
  ACCEPTED: { kind: 'COMPLAINT_ACCEPTED', render: renderComplaintAccepted },
  NOT_ACCEPTED: { kind: 'COMPLAINT_NOT_ACCEPTED', render: renderComplaintNotAccepted },
};

/** Tells the complainant of the steps they must know of; internal steps (assignment, …) send nothing. */
export const onComplaintStatusChanged = eventHandler(ComplaintStatusChangedV1, async (event, manager) => {
  const p = event.payload;
  const notice = NOTICES[p.toStatus];
  if (!notice) return;
  const message = notice.render(
    { reference: p.reference, productName: p.productName, decisionDueAt: new Date(p.decisionDueAt), reason: p.reason },
    p.locale,
  );
  await recordComplainantNotice(manager, event, notice.kind, message);
});
