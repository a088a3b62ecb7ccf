import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, Locale } from '@redress/contracts';
import type { NoticeKind } from '../domain/notice';
import { noticeRepository } from '../infrastructure/notice.repository';

/** Records the in-app notice to a complainant that one event caused (at most one per event). */
export async function recordComplainantNotice(
  manager: EntityManager,
  event: EventEnvelope<{ complaintId: string; locale: Locale }>,
  kind: NoticeKind,
  message: { subject: string; body: string },
): Promise<void> {
  await noticeRepository.insertOnce(manager, {
    id: randomUUID(),
    tenantId: event.tenantId,
    complaintId: event.payload.complaintId,
    sourceEventId: event.id,
    kind,
    recipient: 'COMPLAINANT',
    channel: 'IN_APP',
    locale: event.payload.locale,
    subject: message.subject,
    body: message.body,
    status: 'QUEUED',
    createdAt: new Date(),
  });
}
