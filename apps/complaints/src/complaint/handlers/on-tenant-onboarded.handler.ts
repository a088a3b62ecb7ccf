import { TenantOnboardedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import type { Logger } from '@redress/logger';
import { clockPolicyOfTenant } from '../domain/clock-policy';
import { caseFileRepository } from '../infrastructure/case-file.repository';

/**
 * A lender was onboarded or its settings changed: keep its reference code, time zone and clock
 * policy. Complaints received from now on are judged by it; earlier ones keep the policy they were
 * received under. A policy looser than the regulatory one never reaches the clocks: it is refused
 * here too (the regulatory figures stay in force) and logged for the platform team.
 */
export function onTenantOnboarded(logger: Logger) {
  return eventHandler(TenantOnboardedV1, async (event, manager) => {
    const p = event.payload;
    let clockPolicy;
    try {
      clockPolicy = clockPolicyOfTenant(p.clockPolicy);
    } catch (error) {
      logger.error({ tenantId: p.tenantId, revision: p.revision, err: error }, 'tenant clock policy refused; the regulatory policy stays in force');
      return;
    }
    const saved = await caseFileRepository.saveTenantSettings(manager, {
      tenantId: p.tenantId,
      code: p.code,
      timeZone: p.timeZone,
      clockPolicy,
      revision: p.revision,
    });
    logger.info({ tenantId: p.tenantId, revision: p.revision, saved }, saved ? 'tenant settings stored' : 'tenant settings already at a later revision');
  });
}
