import { oneOf, optionalText, requiredText, ValidationError } from '@redress/domain-kit';
import { parseCalendarDate } from '../../loan/domain/calendar-date';

export const INSTITUTION_KINDS = ['IN_HOUSE', 'THIRD_PARTY'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const QUALIFICATION_KINDS = ['PRACTISING_LAWYER', 'MEDIATOR_CERTIFICATE', 'FINANCIAL_DISPUTE_MEDIATOR', 'ARBITRATOR', 'OTHER'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

/** Where a tenant's mediators work: its own mediation team, or a third-party institution (e.g. a law firm's mediation centre). */
export interface Institution {
  id: string;
  tenantId: string;
  name: string;
  kind: InstitutionKind;
  /** The institution's registration, e.g. its unified social credit code or bar registration. */
  registrationNumber: string | null;
  active: boolean;
  createdAt: Date;
}

export interface Qualification {
  kind: QualificationKind;
  number: string;
  issuer: string;
  validUntil: string | null;
}

export interface Mediator {
  id: string;
  tenantId: string;
  institutionId: string;
  /** The mediator's staff or login id: what recusal and the caller's identity are compared with. */
  actorId: string;
  name: string;
  qualifications: Qualification[];
  /** Borrower ids, case ids or complaint ids the mediator declared an interest in. */
  declaredInterests: string[];
  active: boolean;
  createdAt: Date;
}

export interface InstitutionInput {
  name: string;
  kind: string;
  registrationNumber?: string | null;
}

export function validateInstitution(input: InstitutionInput): Pick<Institution, 'name' | 'kind' | 'registrationNumber'> {
  const kind = oneOf('input.kind', input.kind, INSTITUTION_KINDS);
  const registrationNumber = optionalText('input.registrationNumber', input.registrationNumber, 60);
  if (kind === 'THIRD_PARTY' && !registrationNumber) {
    throw new ValidationError('input.registrationNumber', 'a third-party institution is registered somewhere; give its registration number');
  }
  return { name: requiredText('input.name', input.name, 200), kind, registrationNumber };
}

export interface MediatorInput {
  institutionId: string;
  actorId: string;
  name: string;
  qualifications?: { kind: string; number: string; issuer: string; validUntil?: string | null }[] | null;
  declaredInterests?: string[] | null;
}

export function validateMediator(input: MediatorInput, institution: Institution): Pick<Mediator, 'actorId' | 'name' | 'qualifications' | 'declaredInterests'> {
  if (!institution.active) throw new ValidationError('input.institutionId', 'the institution is no longer active');
  const qualifications = (input.qualifications ?? []).map((q, i) => ({
    kind: oneOf(`input.qualifications[${i}].kind`, q.kind, QUALIFICATION_KINDS),
    number: requiredText(`input.qualifications[${i}].number`, q.number, 60),
    issuer: requiredText(`input.qualifications[${i}].issuer`, q.issuer, 200),
    validUntil: q.validUntil ? parseCalendarDate(`input.qualifications[${i}].validUntil`, q.validUntil) : null,
  }));
  if (qualifications.length > 10) throw new ValidationError('input.qualifications', 'list at most 10 qualifications');
  if (institution.kind === 'THIRD_PARTY' && qualifications.length === 0) {
    throw new ValidationError('input.qualifications', 'a third-party mediator needs at least one qualification (e.g. a practising lawyer licence)');
  }
  const interests = (input.declaredInterests ?? []).map((v, i) => requiredText(`input.declaredInterests[${i}]`, v, 200));
  return {
    actorId: requiredText('input.actorId', input.actorId, 200),
    name: requiredText('input.name', input.name, 100),
    qualifications,
    declaredInterests: [...new Set(interests)].slice(0, 200),
  };
}
