import type { ComplaintChannel } from '@redress/contracts';
import { optionalText, ValidationError } from '@redress/domain-kit';
import type { Category, Severity, Topic } from './classification';
import type { ComplaintStatus } from './complaint-lifecycle';

/** Decision-clock states a worklist can be narrowed to (the clock of cases still awaiting a decision). */
export type ClockStateFilter = 'RUNNING' | 'WARNING' | 'BREACHED' | 'PAUSED';

/** What a complaint desk narrows its worklist by. */
export interface ComplaintFilter {
  statuses: ComplaintStatus[] | null;
  channels: ComplaintChannel[] | null;
  categories: Category[] | null;
  topics: Topic[] | null;
  severities: Severity[] | null;
  clockStates: ClockStateFilter[] | null;
  handlerId: string | null;
  productName: string | null;
  /** Set by the access layer for a borrower-scoped caller, never from input. */
  borrowerId: string | null;
  receivedFrom: Date | null;
  receivedTo: Date | null;
}

/** Worklist orders: newest first, or the most urgent decision first. */
export type ComplaintOrder = 'RECEIVED_NEWEST_FIRST' | 'DECISION_DUE_SOONEST_FIRST';

export interface ComplaintFilterInput {
  statuses?: ComplaintStatus[] | null;
  channels?: ComplaintChannel[] | null;
  categories?: Category[] | null;
  topics?: Topic[] | null;
  severities?: Severity[] | null;
  clockStates?: ClockStateFilter[] | null;
  handlerId?: string | null;
  productName?: string | null;
  receivedFrom?: Date | null;
  receivedTo?: Date | null;
}

const listOrNull = <T>(values: T[] | null | undefined): T[] | null => (values?.length ? values : null);

export function validateFilter(input: ComplaintFilterInput | null | undefined): ComplaintFilter {
  const f = input ?? {};
  const receivedFrom = f.receivedFrom ?? null;
  const receivedTo = f.receivedTo ?? null;
  if (receivedFrom && receivedTo && receivedFrom > receivedTo) {
    throw new ValidationError('filter.receivedTo', 'is before filter.receivedFrom');
  }
  return {
    statuses: listOrNull(f.statuses),
    channels: listOrNull(f.channels),
    categories: listOrNull(f.categories),
    topics: listOrNull(f.topics),
    severities: listOrNull(f.severities),
    clockStates: listOrNull(f.clockStates),
    handlerId: optionalText('filter.handlerId', f.handlerId, 100),
    productName: optionalText('filter.productName', f.productName, 200),
    borrowerId: null,
    receivedFrom,
    receivedTo,
  };
}
