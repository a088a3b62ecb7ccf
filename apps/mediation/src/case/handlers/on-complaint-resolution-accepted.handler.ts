import { ComplaintResolutionAcceptedV1 } from '@redress/contracts';
import { eventHandler } from '@redress/events';
import type { OutboxWriter } from '@redress/events';
import { openReferredCases } from '../commands/open-referred-case/open-referred-case';

/** An accepted complaint resolution with MEDIATION_REFERRAL remedies opens one mediation case per remedy. */
export const onComplaintResolutionAccepted = (outbox: OutboxWriter, now: () => Date = () => new Date()) =>
  eventHandler(ComplaintResolutionAcceptedV1, async (event, manager) => {
    await openReferredCases(manager, outbox, event, now());
  });
