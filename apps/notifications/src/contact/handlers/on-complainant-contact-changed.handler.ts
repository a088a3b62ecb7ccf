import { ComplainantContactChangedV1, complainantContactContext, complainantContactSchema } from '@redress/contracts';
import { eventHandler, UnprocessableEventError } from '@redress/events';
import type { ServiceDeps } from '@redress/service-kit';
import { noticeRepository } from '../../notice/infrastructure/notice.repository';
import { storedContactContext } from '../domain/contact';
import { contactRepository } from '../infrastructure/contact.repository';

/**
 * Keeps how to reach a complainant: opened only to check it, sealed again under this service's own
 * context, never logged. Notices already waiting for it (an email acknowledgement recorded before
 * the contact arrived) become due at once, and the complaint's notices join the borrower's inbox.
 */
export function onComplainantContactChanged(deps: ServiceDeps) {
  return eventHandler(ComplainantContactChangedV1, async (event, manager) => {
    const p = event.payload;
    let plain: string;
    try {
      plain = deps.personalData.open(p.contact, complainantContactContext(event.tenantId, p.complaintId));
    } catch (error) {
      throw new UnprocessableEventError(`complainant contact does not open: ${(error as Error).message}`);
    }
    const parsed = complainantContactSchema.safeParse(JSON.parse(plain));
    if (!parsed.success) throw new UnprocessableEventError('complainant contact does not match its schema');
    const now = new Date();
    const saved = await contactRepository.saveIfNewer(manager, {
      tenantId: event.tenantId,
      complaintId: p.complaintId,
      reference: p.reference,
      borrowerId: p.borrowerId,
      locale: p.locale,
      sealedContact: deps.personalData.seal(JSON.stringify(parsed.data), storedContactContext(event.tenantId, p.complaintId)),
      changedAt: new Date(event.occurredAt),
    });
    if (!saved) return;
    if (p.borrowerId) await noticeRepository.assignBorrower(manager, event.tenantId, p.complaintId, p.borrowerId);
    await noticeRepository.wakeWaitingForContact(manager, event.tenantId, p.complaintId, now);
  });
}
