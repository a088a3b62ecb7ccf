import { COMPLAINT_CHANNELS, LOCALES, type ComplaintChannel, type Locale } from '@redress/contracts';
import { oneOf, optionalText, parseMoney, requiredText, ValidationError, type Money } from '@redress/domain-kit';
import { CATEGORIES, REPRESENTATIVE_KINDS, SEVERITIES, TOPICS, type Category, type Severity, type Topic } from './classification';
import type { RegulatorReferral, Representative } from './complaint';
import { validateEvidence, type Evidence, type EvidenceInput } from './evidence';

/** What a caller sends to file a complaint, before any checking. */
export interface ComplaintIntakeInput {
  channel: string;
  category?: string | null;
  topic?: string | null;
  severity?: string | null;
  complainant: { name: string; phone: string; email?: string | null; idNumber?: string | null; locale?: string | null };
  borrowerId?: string | null;
  representative?: { kind: string; name: string; phone?: string | null; authority: string } | null;
  regulatorReferral?: { regulator: string; reference: string } | null;
  productName: string;
  contractNumber?: string | null;
  description: string;
  occurredAt?: Date | null;
  occurredPlace?: string | null;
  disputedAmount?: { amountMinor: number; currency: string } | null;
  demand?: string | null;
  involvedStaff?: string[] | null;
  evidence?: EvidenceInput[] | null;
}

export interface ValidComplaintIntake {
  channel: ComplaintChannel;
  category: Category;
  topic: Topic;
  severity: Severity;
  complainant: { name: string; phone: string; email: string | null; idNumber: string | null; locale: Locale };
  borrowerId: string | null;
  representative: Representative | null;
  regulatorReferral: RegulatorReferral | null;
  productName: string;
  contractNumber: string | null;
  description: string;
  occurredAt: Date | null;
  occurredPlace: string | null;
  disputedAmount: Money | null;
  demand: string | null;
  involvedStaff: string[];
  evidence: Evidence[];
}

/** Limits on free text, in characters; long enough for a real account, short enough to refuse abuse. */
export const INTAKE_LIMITS = {
  name: 100,
  phone: 20,
  email: 254,
  productName: 200,
  contractNumber: 64,
  description: 5_000,
  demand: 2_000,
  staffName: 100,
  involvedStaff: 20,
  place: 200,
  borrowerId: 100,
  authority: 500,
  evidence: 30,
} as const;

const PHONE = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;
/** Mainland resident ID: 17 digits and a check character (digit or X). */
const ID_NUMBER = /^[0-9]{17}[0-9X]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a complaint intake field by field, naming the first field at fault with its path in the
 * GraphQL input. Throws before anything is stored.
 */
export function validateIntake(input: ComplaintIntakeInput, now: Date): ValidComplaintIntake {
  const f = (path: string) => `input.${path}`;
  const channel = oneOf(f('channel'), input.channel, COMPLAINT_CHANNELS);
  const name = requiredText(f('complainant.name'), input.complainant?.name, INTAKE_LIMITS.name);
  const phone = requiredText(f('complainant.phone'), input.complainant?.phone, INTAKE_LIMITS.phone);
  if (!PHONE.test(phone)) throw new ValidationError(f('complainant.phone'), 'is not a telephone number');
  const email = optionalText(f('complainant.email'), input.complainant?.email, INTAKE_LIMITS.email);
  if (email && !EMAIL.test(email)) throw new ValidationError(f('complainant.email'), 'is not an email address');
  const locale = oneOf(f('complainant.locale'), input.complainant?.locale ?? 'zh-CN', LOCALES);
  const idNumber = optionalText(f('complainant.idNumber'), input.complainant?.idNumber, 18)?.toUpperCase() ?? null;
  if (idNumber && !ID_NUMBER.test(idNumber)) throw new ValidationError(f('complainant.idNumber'), 'is not a resident ID number (18 characters)');
  const category = oneOf(f('category'), input.category ?? 'COMPLAINT', CATEGORIES);
  const topic = oneOf(f('topic'), input.topic ?? 'OTHER', TOPICS);
  const severity = oneOf(f('severity'), input.severity ?? 'MEDIUM', SEVERITIES);
  const borrowerId = optionalText(f('borrowerId'), input.borrowerId, INTAKE_LIMITS.borrowerId);
  const representative = input.representative ? validRepresentative(input.representative) : null;
  const regulatorReferral = validReferral(channel, input.regulatorReferral ?? null);
  const productName = requiredText(f('productName'), input.productName, INTAKE_LIMITS.productName);
  const contractNumber = optionalText(f('contractNumber'), input.contractNumber, INTAKE_LIMITS.contractNumber);
  const description = requiredText(f('description'), input.description, INTAKE_LIMITS.description);
  const occurredAt = input.occurredAt ?? null;
  if (occurredAt && occurredAt.getTime() > now.getTime()) {
    throw new ValidationError(f('occurredAt'), 'is in the future');
  }
  const occurredPlace = optionalText(f('occurredPlace'), input.occurredPlace, INTAKE_LIMITS.place);
  const disputedAmount = input.disputedAmount ? parseMoney(f('disputedAmount'), input.disputedAmount) : null;
  const demand = optionalText(f('demand'), input.demand, INTAKE_LIMITS.demand);
  const staff = input.involvedStaff ?? [];
  if (staff.length > INTAKE_LIMITS.involvedStaff) {
    throw new ValidationError(f('involvedStaff'), `names ${staff.length} people; the limit is ${INTAKE_LIMITS.involvedStaff}`);
  }
  const involvedStaff = staff.map((name, i) => requiredText(f(`involvedStaff.${i}`), name, INTAKE_LIMITS.staffName));
  const evidenceInput = input.evidence ?? [];
  if (evidenceInput.length > INTAKE_LIMITS.evidence) {
    throw new ValidationError(f('evidence'), `lists ${evidenceInput.length} files; the limit is ${INTAKE_LIMITS.evidence}`);
  }
  const evidence = evidenceInput.map((e, i) => validateEvidence(f(`evidence.${i}`), e));
  return {
    channel,
    category,
    topic,
    severity,
    complainant: { name, phone, email, idNumber, locale },
    borrowerId,
    representative,
    regulatorReferral,
    productName,
    contractNumber,
    description,
    occurredAt,
    occurredPlace,
    disputedAmount,
    demand,
    involvedStaff,
    evidence,
  };
}

function validRepresentative(input: NonNullable<ComplaintIntakeInput['representative']>): Representative {
  const f = (path: string) => `input.representative.${path}`;
  const phone = optionalText(f('phone'), input.phone, INTAKE_LIMITS.phone);
  if (phone && !PHONE.test(phone)) throw new ValidationError(f('phone'), 'is not a telephone number');
  return {
    kind: oneOf(f('kind'), input.kind, REPRESENTATIVE_KINDS),
    name: requiredText(f('name'), input.name, INTAKE_LIMITS.name),
    phone,
    authority: requiredText(f('authority'), input.authority, INTAKE_LIMITS.authority),
  };
}

/** A regulator referral names the regulator and its reference; only referrals carry one. */
function validReferral(channel: ComplaintChannel, input: ComplaintIntakeInput['regulatorReferral']): RegulatorReferral | null {
  if (channel !== 'REGULATOR_REFERRAL') {
    if (input) throw new ValidationError('input.regulatorReferral', 'is only for the REGULATOR_REFERRAL channel');
    return null;
  }
  if (!input) throw new ValidationError('input.regulatorReferral', 'is required for a regulator referral: the regulator and its reference');
  return {
    regulator: requiredText('input.regulatorReferral.regulator', input.regulator, 200),
    reference: requiredText('input.regulatorReferral.reference', input.reference, 100),
  };
}

/**
 * What makes two complaints "the same matter" (DOMAIN.md: a repeat complaint on the same matter is
 * merged, not duplicated): the same complainant (by telephone), the same loan (or product, when no
 * contract number is given) and the same topic. The caller keeps only a keyed hash of it.
 */
export function matterOf(intake: Pick<ValidComplaintIntake, 'complainant' | 'contractNumber' | 'productName' | 'topic'>): string {
  const phone = intake.complainant.phone.replace(/[^0-9]/g, '').replace(/^86(?=1[0-9]{10}$)/, '');
  const loan = (intake.contractNumber ?? `product:${intake.productName}`).trim().toUpperCase();
  return `${phone}|${loan}|${intake.topic}`;
}
