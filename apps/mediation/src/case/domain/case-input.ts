import { optionalText, parseMoney, requiredText, ValidationError, oneOf, type Money } from '@redress/domain-kit';
import { parseCalendarDate } from '../../loan/domain/calendar-date';
import { annualRate, principalAmount, repaymentMethod, termMonths } from '../../loan/domain/loan-terms';
import {
  HARDSHIP_CODES,
  HARDSHIP_REQUESTS,
  LOCALES,
  MATERIAL_KINDS,
  PARTICIPANT_ROLES,
  SESSION_MODES,
  TERM_KINDS,
  type Hardship,
  type HardshipRequest,
  type Locale,
  type Material,
  type Session,
  type Term,
} from './mediation-case';

export interface MaterialInput {
  kind: string;
  title: string;
  contentHash: string;
  mediaType: string;
  sizeBytes: number;
}

/** 50 MB: a scanned contract or a call recording; larger files belong in a document store. */
export const MAX_MATERIAL_BYTES = 50 * 1024 * 1024;
export const MAX_MATERIALS = 50;

export function validateMaterial(field: string, input: MaterialInput, id: string, addedBy: string, at: Date): Material {
  const kind = oneOf(`${field}.kind`, input.kind, MATERIAL_KINDS);
  if (!/^[0-9a-f]{64}$/i.test(input.contentHash)) throw new ValidationError(`${field}.contentHash`, 'must be the SHA-256 of the file as 64 hex digits');
  if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(input.mediaType)) throw new ValidationError(`${field}.mediaType`, 'must be a media type such as application/pdf');
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes < 1 || input.sizeBytes > MAX_MATERIAL_BYTES) {
    throw new ValidationError(`${field}.sizeBytes`, `must be from 1 byte to ${MAX_MATERIAL_BYTES} bytes`);
  }
  return {
    id,
    kind,
    title: requiredText(`${field}.title`, input.title, 200),
    contentHash: input.contentHash.toLowerCase(),
    mediaType: input.mediaType.toLowerCase(),
    sizeBytes: input.sizeBytes,
    addedBy,
    addedAt: at,
  };
}

export interface HardshipInput {
  type: string;
  description: string;
  requests: string[];
  evidenceMaterialIds?: string[] | null;
}

export function validateHardship(field: string, input: HardshipInput, materials: readonly Material[], at: Date): Hardship {
  const requests = input.requests.map((r, i) => oneOf(`${field}.requests[${i}]`, r, HARDSHIP_REQUESTS));
  if (requests.length === 0) throw new ValidationError(`${field}.requests`, 'name at least one thing the borrower asks for');
  const unique = [...new Set(requests)] as HardshipRequest[];
  if (unique.includes('REDUCE_PENALTY_INTEREST') && unique.includes('WAIVE_PENALTY_INTEREST')) {
    throw new ValidationError(`${field}.requests`, 'ask to reduce or to waive penalty interest, not both');
  }
  if (unique.includes('REDUCE_LATE_FEES') && unique.includes('WAIVE_LATE_FEES')) {
    throw new ValidationError(`${field}.requests`, 'ask to reduce or to waive late fees, not both');
  }
  // Without explicit ids, the hardship evidence handed in with the case is the evidence.
  const evidence = input.evidenceMaterialIds ?? materials.filter((m) => m.kind === 'HARDSHIP_EVIDENCE').map((m) => m.id);
  evidence.forEach((id, i) => {
    if (!materials.some((m) => m.id === id)) throw new ValidationError(`${field}.evidenceMaterialIds[${i}]`, 'is not a material of this case');
  });
  return {
    type: oneOf(`${field}.type`, input.type, HARDSHIP_CODES),
    description: requiredText(`${field}.description`, input.description, 4_000),
    requests: unique,
    evidenceMaterialIds: [...new Set(evidence)],
    recordedAt: at,
  };
}

export function validateLocale(field: string, value: string | null | undefined): Locale {
  return oneOf(field, value ?? 'zh-CN', LOCALES);
}

export interface SessionInput {
  mode: string;
  scheduledAt: Date;
  location?: string | null;
  participants: { role: string; participantId?: string | null }[];
}

export function validateSession(field: string, input: SessionInput, id: string, now: Date): Session {
  const mode = oneOf(`${field}.mode`, input.mode, SESSION_MODES);
  if (input.participants.length === 0 || input.participants.length > 20) {
    throw new ValidationError(`${field}.participants`, 'list from 1 to 20 participants');
  }
  const location = optionalText(`${field}.location`, input.location, 300);
  if (mode === 'IN_PERSON' && !location) throw new ValidationError(`${field}.location`, 'an in-person session needs a place');
  if (input.scheduledAt.getTime() < now.getTime() - 24 * 3_600_000) {
    throw new ValidationError(`${field}.scheduledAt`, 'lies more than a day in the past; record a session when it is arranged');
  }
  return {
    id,
    mode,
    scheduledAt: input.scheduledAt,
    location,
    participants: input.participants.map((p, i) => ({
      role: oneOf(`${field}.participants[${i}].role`, p.role, PARTICIPANT_ROLES),
      participantId: optionalText(`${field}.participants[${i}].participantId`, p.participantId, 200),
    })),
    minutes: null,
    heldAt: null,
    recordedBy: null,
  };
}

export interface TermInput {
  kind: string;
  description: string;
  amount?: { amountMinor: number; currency: string } | null;
  feeType?: string | null;
  chargeReference?: string | null;
  plan?: {
    outstandingPrincipal: { amountMinor: number; currency: string };
    annualRateBps: number;
    termMonths: number;
    method: string;
    firstDueDate: string;
  } | null;
}

export const MAX_TERMS = 20;

export function validateTerms(field: string, inputs: readonly TermInput[]): Term[] {
  if (inputs.length === 0 || inputs.length > MAX_TERMS) throw new ValidationError(field, `a proposal has from 1 to ${MAX_TERMS} terms`);
  return inputs.map((t, i) => validateTerm(`${field}[${i}]`, t));
}

function positiveMoney(field: string, value: { amountMinor: number; currency: string } | null | undefined): Money {
  if (!value) throw new ValidationError(field, 'is required for this kind of term');
  const money = parseMoney(field, value);
  principalAmount(`${field}.amountMinor`, money.amountMinor);
  return money;
}

function validateTerm(field: string, t: TermInput): Term {
  const kind = oneOf(`${field}.kind`, t.kind, TERM_KINDS);
  const description = requiredText(`${field}.description`, t.description, 2_000);
  const base: Term = { kind, description, amount: null, feeType: null, chargeReference: null, plan: null };
  switch (kind) {
    case 'REFUND':
    case 'FEE_WAIVER': {
      const feeType = requiredText(`${field}.feeType`, t.feeType, 60);
      if (!/^[A-Z][A-Z0-9_]*$/.test(feeType)) throw new ValidationError(`${field}.feeType`, 'must be a fee type code such as LATE_FEE');
      return { ...base, amount: positiveMoney(`${field}.amount`, t.amount), feeType, chargeReference: optionalText(`${field}.chargeReference`, t.chargeReference, 100) };
    }
    case 'REPAYMENT_PLAN': {
      const p = t.plan;
      if (!p) throw new ValidationError(`${field}.plan`, 'a repayment-plan term needs the plan');
      return {
        ...base,
        plan: {
          outstandingPrincipal: positiveMoney(`${field}.plan.outstandingPrincipal`, p.outstandingPrincipal),
          annualRateBps: annualRate(`${field}.plan.annualRateBps`, p.annualRateBps),
          termMonths: termMonths(`${field}.plan.termMonths`, p.termMonths),
          method: repaymentMethod(`${field}.plan.method`, p.method),
          firstDueDate: parseCalendarDate(`${field}.plan.firstDueDate`, p.firstDueDate),
        },
      };
    }
    default:
      return base;
  }
}
