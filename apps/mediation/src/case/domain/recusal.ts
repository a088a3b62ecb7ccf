import { ValidationError } from '@redress/domain-kit';
import { lenderDay } from '../../loan/domain/calendar-date';
import type { MediationCase } from './mediation-case';

/** A mediator from the tenant's registry, as an assignment needs to see them. */
export interface MediatorCandidate {
  id: string;
  actorId: string;
  name: string;
  institutionId: string | null;
  institutionKind: 'IN_HOUSE' | 'THIRD_PARTY';
  active: boolean;
  /** Days (YYYY-MM-DD) until which each qualification is valid; null: does not expire. */
  qualificationsValidUntil: (string | null)[];
  /** Borrowers, lenders' staff or cases the mediator declared an interest in. */
  declaredInterests: string[];
}

/**
 * Recusal (DOMAIN.md): no one with an interest in the case mediates it. That excludes whoever
 * decided or reviewed the complaint behind it, a mediator who stepped aside from it before, and a
 * mediator who declared an interest in the borrower. A third-party mediator also needs a
 * qualification valid on the day.
 */
export function assertMayMediate(c: MediationCase, m: MediatorCandidate, now: Date, field = 'input.mediatorId'): void {
  if (!m.active) throw new ValidationError(field, 'is no longer active in the registry');
  if (c.interestedParties.includes(m.actorId)) {
    throw new ValidationError(field, 'has an interest in this case (handled the complaint behind it or stepped aside before) and may not mediate it');
  }
  if (c.assignments.some((a) => a.mediatorId === m.id && a.endReason === 'RECUSED')) {
    throw new ValidationError(field, 'stepped aside from this case and may not mediate it');
  }
  const interests = [c.borrowerId, c.id, c.complaintId].filter((v): v is string => v !== null);
  if (m.declaredInterests.some((i) => interests.includes(i))) {
    throw new ValidationError(field, 'declared an interest in this borrower or case and may not mediate it');
  }
  if (m.institutionKind === 'THIRD_PARTY') {
    const today = lenderDay(now);
    if (!m.qualificationsValidUntil.some((until) => until === null || until >= today)) {
      throw new ValidationError(field, 'holds no qualification valid today; a third-party mediator must be qualified');
    }
  }
}
