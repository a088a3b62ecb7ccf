import { optionalText, parseMoney, requiredText, ValidationError } from '@redress/domain-kit';
import { lenderDay, parseCalendarDate } from '../../loan/domain/calendar-date';
import { principalAmount } from '../../loan/domain/loan-terms';
import { validateHardship, validateLocale, validateMaterial, type HardshipInput, type MaterialInput } from './case-input';
import { hoursAfter, MEDIATION_CLOCK_POLICY } from './case-policy';
import type { MediationCase } from './mediation-case';
import { assertMayMediate, type MediatorCandidate } from './recusal';

export interface OpenCaseInput {
  borrowerId?: string | null;
  productName: string;
  contractNumber?: string | null;
  summary: string;
  demand?: string | null;
  locale?: string | null;
  materials?: MaterialInput[] | null;
  hardship?: HardshipInput | null;
}

export interface NegotiationInput extends OpenCaseInput {
  overdueAmount: { amountMinor: number; currency: string };
  overdueSince: string;
  specialistId: string;
}

export interface Identity {
  id: string;
  tenantId: string;
  reference: string;
  actorId: string;
  now: Date;
  /** Ids for the materials, one per material in the input. */
  materialIds: string[];
}

function blank(identity: Identity, input: OpenCaseInput, borrowerId: string | null): MediationCase {
  const { now } = identity;
  const materials = (input.materials ?? []).map((m, i) => validateMaterial(`input.materials[${i}]`, m, identity.materialIds[i]!, identity.actorId, now));
  if (materials.length > 50) throw new ValidationError('input.materials', 'a case holds at most 50 materials');
  return {
    id: identity.id,
    tenantId: identity.tenantId,
    reference: identity.reference,
    kind: 'MEDIATION',
    origin: 'BORROWER',
    status: 'SUBMITTED',
    borrowerId,
    complaintId: null,
    complaintReference: null,
    referral: null,
    productName: requiredText('input.productName', input.productName, 200),
    contractNumber: optionalText('input.contractNumber', input.contractNumber, 100),
    summary: requiredText('input.summary', input.summary, 4_000),
    demand: optionalText('input.demand', input.demand, 2_000),
    locale: validateLocale('input.locale', input.locale),
    overdueAmount: null,
    overdueSince: null,
    hardship: input.hardship ? validateHardship('input.hardship', input.hardship, materials, now) : null,
    materials,
    review: null,
    assignments: [],
    interestedParties: [],
    sessions: [],
    proposals: [],
    agreement: null,
    supersededAgreements: [],
    outcome: null,
    resumedByAppeals: [],
    openedAt: now,
    acceptanceDueAt: hoursAfter(now, MEDIATION_CLOCK_POLICY.acceptanceReviewHours),
    caseDueAt: null,
    specialistReplyDueAt: null,
    specialistRepliedAt: null,
    timeline: [{ at: now, action: 'open', fromStatus: null, toStatus: 'SUBMITTED', actorId: identity.actorId, note: null }],
    version: 1,
  };
}

function borrowerOf(input: { borrowerId?: string | null }, callerBorrowerId: string | null): string | null {
  // A borrower-scoped caller opens cases for themselves only, whatever the input says.
  if (callerBorrowerId) return callerBorrowerId;
  return optionalText('input.borrowerId', input.borrowerId, 200);
}

/** A borrower (or staff or a partner app for one) asks for mediation: it waits for the acceptance review. */
export function openByBorrower(identity: Identity, input: OpenCaseInput, callerBorrowerId: string | null): MediationCase {
  return blank(identity, input, borrowerOf(input, callerBorrowerId));
}

export interface Referral {
  complaintId: string;
  complaintReference: string;
  decisionId: string;
  remedyIndex: number;
  remedyDescription: string | null;
  decisionReasons: string;
  borrowerId: string | null;
  productName: string;
  contractNumber: string | null;
  handlerId: string | null;
  reviewerIds: string[];
  locale: 'zh-CN' | 'zh-TW' | 'en';
}

/**
 * A complaint decision the complainant accepted referred the matter to mediation. The complaint's
 * handler and reviewers have an interest in it and may not mediate it.
 */
export function openByReferral(identity: Identity, r: Referral): MediationCase {
  const summary = (r.remedyDescription ?? r.decisionReasons).slice(0, 4_000);
  const c = blank(identity, { productName: r.productName.slice(0, 200), contractNumber: r.contractNumber, summary, locale: r.locale }, r.borrowerId);
  return {
    ...c,
    origin: 'COMPLAINT_REFERRAL',
    complaintId: r.complaintId,
    complaintReference: r.complaintReference,
    referral: { decisionId: r.decisionId, remedyIndex: r.remedyIndex },
    interestedParties: [...new Set([r.handlerId, ...r.reviewerIds].filter((v): v is string => !!v))],
    timeline: [{ ...c.timeline[0]!, note: `referred by complaint ${r.complaintReference}` }],
  };
}

/**
 * A negotiation request for an overdue loan goes straight to the named specialist, who must
 * answer within the reply clock: "no answer" is a breach that escalates, not a state.
 */
export function openNegotiation(identity: Identity, input: NegotiationInput, specialist: MediatorCandidate, callerBorrowerId: string | null): MediationCase {
  const overdue = parseMoney('input.overdueAmount', input.overdueAmount);
  principalAmount('input.overdueAmount.amountMinor', overdue.amountMinor);
  const overdueSince = parseCalendarDate('input.overdueSince', input.overdueSince);
  if (overdueSince > lenderDay(identity.now)) throw new ValidationError('input.overdueSince', 'lies in the future');
  const c = blank(identity, input, borrowerOf(input, callerBorrowerId));
  const open: MediationCase = {
    ...c,
    kind: 'NEGOTIATION',
    origin: 'NEGOTIATION_REQUEST',
    overdueAmount: overdue,
    overdueSince,
    acceptanceDueAt: null,
    caseDueAt: hoursAfter(identity.now, MEDIATION_CLOCK_POLICY.caseDays * 24),
    specialistReplyDueAt: hoursAfter(identity.now, MEDIATION_CLOCK_POLICY.specialistReplyHours),
  };
  assertMayMediate(open, specialist, identity.now, 'input.specialistId');
  return {
    ...open,
    status: 'IN_MEDIATION',
    assignments: [
      {
        mediatorId: specialist.id,
        mediatorActorId: specialist.actorId,
        mediatorName: specialist.name,
        institutionId: specialist.institutionId,
        assignedAt: identity.now,
        assignedBy: identity.actorId,
        reason: null,
        endedAt: null,
        endReason: null,
      },
    ],
    timeline: [{ at: identity.now, action: 'requestNegotiation', fromStatus: null, toStatus: 'IN_MEDIATION', actorId: identity.actorId, note: `specialist ${specialist.name}` }],
  };
}
