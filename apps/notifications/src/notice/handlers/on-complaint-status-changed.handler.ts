import { randomUUID } from 'node:crypto';
import { ComplaintStatusChangedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import { renderComplaintAccepted, renderComplaintNotAccepted } from '../domain/complaint-decided.template';
import type { NoticeKind } from '../domain/notice';
import { noticeRepository } from '../infrastructure/notice.repository';

const NOTICES: Partial<Record<string, { kind: NoticeKind; render: typeof renderComplaintAccepted }>> = {
  ACCEPTED: { kind: 'COMPLAINT_ACCEPTED', render: renderComplaintAccepted },
  NOT_ACCEPTED: { kind: 'COMPLAINT_NOT_ACCEPTED', render: renderComplaintNotAccepted },
};

/** Tells the complainant of the steps they must know of; internal steps (assignment, …) send nothing. */
export const onComplaintStatusChanged = eventHandler(ComplaintStatusChangedV1, async (event, manager) => {
  const p = event.payload;
  const notice = NOTICES[p.toStatus];
  if (!notice) return;
  const { subject, body } = notice.render(
    { reference: p.reference, productName: p.productName, decisionDueAt: new Date(p.decisionDueAt), reason: p.reason },
    p.locale,
  );
  await noticeRepository.insertOnce(manager, {
    id: randomUUID(),
    tenantId: event.tenantId,
    complaintId: p.complaintId,
    sourceEventId: event.id,
    kind: notice.kind,
    recipient: 'COMPLAINANT',
    channel: 'IN_APP',
    locale: p.locale,
    subject,
    body,
    status: 'QUEUED',
    createdAt: new Date(),
  });
});
