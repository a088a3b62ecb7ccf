import { REFUND_CHANNELS, type RefundChannel } from '@redress/contracts';
import { isUuid, oneOf, optionalText, ValidationError } from '@redress/domain-kit';
import { FEE_TYPE_CODES } from '../../policy/domain/refund-policy';
import { REFUND_STATUSES, type RefundStatus } from './refund';

export interface RefundFilterInput {
  statuses?: string[] | null;
  channels?: string[] | null;
  feeTypes?: string[] | null;
  complaintId?: string | null;
  borrowerId?: string | null;
  chargeReference?: string | null;
  requestedFrom?: Date | string | null;
  requestedTo?: Date | string | null;
}

export interface RefundFilter {
  statuses: RefundStatus[] | null;
  channels: RefundChannel[] | null;
  feeTypes: string[] | null;
  complaintId: string | null;
  borrowerId: string | null;
  chargeReference: string | null;
  requestedFrom: Date | null;
  requestedTo: Date | null;
}

/** Checks a list filter; an empty list means "any", not "none". */
export function validateRefundFilter(input: RefundFilterInput | null | undefined): RefundFilter {
  const f = input ?? {};
  const list = <T extends string>(field: string, values: string[] | null | undefined, allowed: readonly T[]) =>
    values && values.length ? values.map((v, i) => oneOf(`${field}.${i}`, v, allowed)) : null;
  if (f.complaintId && !isUuid(f.complaintId)) throw new ValidationError('filter.complaintId', 'is not a complaint id');
  const instant = (field: string, v: Date | string | null | undefined) => {
    if (v === null || v === undefined) return null;
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) throw new ValidationError(field, 'is not an instant');
    return d;
  };
  const requestedFrom = instant('filter.requestedFrom', f.requestedFrom);
  const requestedTo = instant('filter.requestedTo', f.requestedTo);
  if (requestedFrom && requestedTo && requestedFrom >= requestedTo) throw new ValidationError('filter.requestedTo', 'must be after requestedFrom');
  return {
    statuses: list('filter.statuses', f.statuses, REFUND_STATUSES),
    channels: list('filter.channels', f.channels, REFUND_CHANNELS),
    feeTypes: list('filter.feeTypes', f.feeTypes, FEE_TYPE_CODES),
    complaintId: f.complaintId ?? null,
    borrowerId: optionalText('filter.borrowerId', f.borrowerId, 200),
    chargeReference: optionalText('filter.chargeReference', f.chargeReference, 100),
    requestedFrom,
    requestedTo,
  };
}
