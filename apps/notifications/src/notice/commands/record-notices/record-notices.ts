import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@redress/contracts';
import { noticeLocale } from '../../../tenant/domain/tenant-settings';
import { defaultTemplate } from '../../../template/domain/default-templates';
import { renderTemplate } from '../../../template/domain/template';
import { recipientOf, type NoticeChannel } from '../../domain/notice';
import { isRegulatory } from '../../domain/notice-kinds';
import { localizeFacts } from '../../domain/notice-facts';
import type { NoticeDraft } from '../../domain/who-is-told';
import { noticeRepository, type NewNotice } from '../../infrastructure/notice.repository';
import { loadRecordingContext } from '../../infrastructure/recording-context.repository';

/**
 * Turns what an event tells into notices: one per recipient and channel the tenant uses (the
 * borrower in the app always, by email and SMS when the tenant has them on; the tenant's own systems
 * by webhook when configured), each in the borrower's language with the tenant's wording, queued
 * for delivery. Runs in the consumer's transaction, beside the inbox row of the event, so an event
 * handled twice records nothing twice.
 */
export async function recordNotices(manager: EntityManager, event: EventEnvelope<unknown>, draft: NoticeDraft, now = new Date()): Promise<number> {
  const tenantId = event.tenantId;
  const context = await loadRecordingContext(manager, tenantId, draft.kind, draft.complaintId);
  const { settings } = context;
  const locale = noticeLocale(settings, draft.locale);
  const borrowerId = draft.borrowerId ?? context.borrowerId;
  const reachable = draft.complaintId !== null || borrowerId !== null;

  const channels: NoticeChannel[] = ['IN_APP'];
  for (const channel of ['EMAIL', 'SMS', 'WEBHOOK'] as const) {
    if (context.enabledChannels.includes(channel) && (channel === 'WEBHOOK' || reachable)) channels.push(channel);
  }

  const stored = context.templates;
  const variables = { ...localizeFacts(draft.facts, locale, settings.timeZone), tenantName: settings.name };
  const notices: NewNotice[] = channels.map((channel) => {
    const template = stored.find((t) => t.channel === channel && t.locale === locale) ?? defaultTemplate(draft.kind, channel, locale);
    const text = renderTemplate(template, variables);
    return {
      id: randomUUID(),
      tenantId,
      caseType: draft.caseType,
      caseId: draft.caseId,
      complaintId: draft.complaintId,
      reference: draft.reference,
      borrowerId,
      sourceEventId: event.id,
      eventOccurredAt: new Date(event.occurredAt),
      kind: draft.kind,
      regulatory: isRegulatory(draft.kind),
      recipient: recipientOf(channel),
      channel,
      locale,
      subject: text.subject,
      body: text.body,
    };
  });
  return noticeRepository.insertOnce(manager, notices, now);
}
