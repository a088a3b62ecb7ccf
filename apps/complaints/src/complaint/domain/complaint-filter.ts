import type { ComplaintChannel } from '@redress/contracts';
import { optionalText, ValidationError } from '@redress/domain-kit';
import type { ComplaintStatus } from './complaint-lifecycle';

/** What a complaint desk narrows its worklist by. */
export interface ComplaintFilter {
  statuses: ComplaintStatus[] | null;
  channels: ComplaintChannel[] | null;
  handlerId: string | null;
  productName: string | null;
  receivedFrom: Date | null;
  receivedTo: Date | null;
}

/** Worklist orders: newest first, or the most urgent decision first. */
export type ComplaintOrder = 'RECEIVED_NEWEST_FIRST' | 'DECISION_DUE_SOONEST_FIRST';

export interface ComplaintFilterInput {
  statuses?: ComplaintStatus[] | null;
  channels?: ComplaintChannel[] | null;
  handlerId?: string | null;
  productName?: string | null;
  receivedFrom?: Date | null;
  receivedTo?: Date | null;
}

export function validateFilter(input: ComplaintFilterInput | null | undefined): ComplaintFilter {
  const f = input ?? {};
  const receivedFrom = f.receivedFrom ?? null;
  const receivedTo = f.receivedTo ?? null;
  if (receivedFrom && receivedTo && receivedFrom > receivedTo) {
    throw new ValidationError('filter.receivedTo', 'is before filter.receivedFrom');
  }
  return {
    statuses: f.statuses?.length ? f.statuses : null,
    channels: f.channels?.length ? f.channels : null,
    handlerId: optionalText('filter.handlerId', f.handlerId, 100),
    productName: optionalText('filter.productName', f.productName, 200),
    receivedFrom,
    receivedTo,
  };
}
