import { isUuid, oneOf, optionalText, ValidationError } from '@redress/domain-kit';
import { CASE_KINDS, CASE_ORIGINS, CASE_STATUSES, type CaseKind, type CaseOrigin, type CaseStatus } from './mediation-case';

export interface CaseFilterInput {
  statuses?: string[] | null;
  kind?: string | null;
  origin?: string | null;
  mediatorId?: string | null;
  borrowerId?: string | null;
  complaintId?: string | null;
  openedFrom?: Date | null;
  openedBefore?: Date | null;
}

export interface CaseFilter {
  statuses: CaseStatus[];
  kind: CaseKind | null;
  origin: CaseOrigin | null;
  mediatorId: string | null;
  borrowerId: string | null;
  complaintId: string | null;
  openedFrom: Date | null;
  openedBefore: Date | null;
}

export function validateCaseFilter(input: CaseFilterInput | null | undefined): CaseFilter {
  const f = input ?? {};
  if (f.mediatorId && !isUuid(f.mediatorId)) throw new ValidationError('filter.mediatorId', 'is not a mediator id');
  if (f.complaintId && !isUuid(f.complaintId)) throw new ValidationError('filter.complaintId', 'is not a complaint id');
  if (f.openedFrom && f.openedBefore && f.openedFrom >= f.openedBefore) throw new ValidationError('filter.openedBefore', 'must be after filter.openedFrom');
  return {
    statuses: (f.statuses ?? []).map((s, i) => oneOf(`filter.statuses[${i}]`, s, CASE_STATUSES)),
    kind: f.kind ? oneOf('filter.kind', f.kind, CASE_KINDS) : null,
    origin: f.origin ? oneOf('filter.origin', f.origin, CASE_ORIGINS) : null,
    mediatorId: f.mediatorId ?? null,
    borrowerId: optionalText('filter.borrowerId', f.borrowerId, 200),
    complaintId: f.complaintId ?? null,
    openedFrom: f.openedFrom ?? null,
    openedBefore: f.openedBefore ?? null,
  };
}
