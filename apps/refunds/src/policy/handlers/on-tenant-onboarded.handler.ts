import { TenantOnboardedV1 } from '@redress/contracts';
import { eventHandler, UnprocessableEventError, type OutboxWriter } from '@redress/events';
import { DEFAULT_REFUND_POLICY, parseRefundPolicy } from '../domain/refund-policy';
import { policyRepository } from '../infrastructure/policy.repository';
import { appendPolicyVersion } from '../commands/update-refund-policy/update-refund-policy.handler';

/**
 * A lender was onboarded (or its settings changed): its refund policy from onboarding becomes the
 * next version, or the default when it names none. Only a newer onboarding revision applies, so
 * redelivery and replays are harmless. A policy that does not validate is not replaced by the
 * default silently: the event goes to the dead-letter topic with the problems.
 */
export function onTenantOnboarded(outbox: OutboxWriter) {
  return eventHandler(TenantOnboardedV1, async (event, manager) => {
    const p = event.payload;
    const last = await policyRepository.lastTenantRevision(manager, event.tenantId);
    if (last !== null && p.revision <= last) return;
    // The tenant's time zone applies unless its refund policy names one of its own.
    const parsed = parseRefundPolicy(p.refundPolicy ? { timeZone: p.timeZone, ...p.refundPolicy } : { ...DEFAULT_REFUND_POLICY, timeZone: p.timeZone });
    if (!parsed.ok) {
      throw new UnprocessableEventError(`refundPolicy of tenant ${p.code} is invalid: ${parsed.problems.map((x) => `${x.path} ${x.message}`).join('; ')}`);
    }
    await appendPolicyVersion(manager, outbox, event.tenantId, parsed.policy, 'tenant-onboarding', new Date(), event.correlationId, p.revision, event.id);
  });
}
