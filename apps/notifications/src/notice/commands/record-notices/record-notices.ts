import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@redress/contracts';
import { contactRepository } from '../../../contact/infrastructure/contact.repository';
import { channelSettingsRepository } from '../../../tenant/infrastructure/channel-settings.repository';
import { tenantSettingsRepository } from '../../../tenant/infrastructure/tenant-settings.repository';
import { noticeLocale } from '../../../tenant/domain/tenant-settings';
import { defaultTemplate } from '../../../template/domain/default-templates';
import { renderTemplate } from '../../../template/domain/template';
import { templateRepository } from '../../../template/infrastructure/template.repository';
import { recipientOf, type NoticeChannel } from '../../domain/notice';
import { isRegulatory } from '../../domain/notice-kinds';
import { localizeFacts } from '../../domain/notice-facts';
import type { NoticeDraft } from '../../domain/who-is-told';
import { noticeRepository, type NewNotice } from '../../infrastructure/notice.repository';

/**
 * Turns what an event tells into notices: one per recipient and channel the tenant uses (the
 * borrower in the app always, by email and SMS when the tenant has them on; the tenant's own systems
 * by webhook when configured), each in the borrower's language with the tenant's wording, queued
 * for delivery. Runs in the consumer's transaction, beside the inbox row of the event, so an event
 * handled twice records nothing twice.
 */
export async function recordNotices(manager: EntityManager, event: EventEnvelope<unknown>, draft: NoticeDraft, now = new Date()): Promise<number> {
  const tenantId = event.tenantId;
  const settings = await tenantSettingsRepository.get(manager, tenantId);
  const locale = noticeLocale(settings, draft.locale);
  const borrowerId = draft.borrowerId ?? (draft.complaintId ? (await contactRepository.forComplaint(manager, tenantId, draft.complaintId))?.borrowerId ?? null : null);
  const reachable = draft.complaintId !== null || borrowerId !== null;

  const channels: NoticeChannel[] = ['IN_APP'];
  for (const s of await channelSettingsRepository.list(manager, tenantId)) {
    if (!s.enabled) continue;
    if (s.channel === 'WEBHOOK' || reachable) channels.push(s.channel);
  }

  const stored = await templateRepository.forKind(manager, tenantId, draft.kind);
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
