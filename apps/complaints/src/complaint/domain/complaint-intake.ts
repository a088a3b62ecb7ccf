import { COMPLAINT_CHANNELS, LOCALES, type ComplaintChannel, type Locale } from '@redress/contracts';
import { oneOf, optionalText, parseMoney, requiredText, ValidationError, type Money } from '@redress/domain-kit';

/** What a caller sends to file a complaint, before any checking. */
export interface ComplaintIntakeInput {
  channel: string;
  complainant: { name: string; phone: string; email?: string | null; locale?: string | null };
  productName: string;
  contractNumber?: string | null;
  description: string;
  occurredAt?: Date | null;
  disputedAmount?: { amountMinor: number; currency: string } | null;
  demand?: string | null;
  involvedStaff?: string[] | null;
}

export interface ValidComplaintIntake {
  channel: ComplaintChannel;
  complainant: { name: string; phone: string; email: string | null; locale: Locale };
  productName: string;
  contractNumber: string | null;
  description: string;
  occurredAt: Date | null;
  disputedAmount: Money | null;
  demand: string | null;
  involvedStaff: string[];
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
} as const;

const PHONE = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;
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
  const productName = requiredText(f('productName'), input.productName, INTAKE_LIMITS.productName);
  const contractNumber = optionalText(f('contractNumber'), input.contractNumber, INTAKE_LIMITS.contractNumber);
  const description = requiredText(f('description'), input.description, INTAKE_LIMITS.description);
  const occurredAt = input.occurredAt ?? null;
  if (occurredAt && occurredAt.getTime() > now.getTime()) {
    throw new ValidationError(f('occurredAt'), 'is in the future');
  }
  const disputedAmount = input.disputedAmount ? parseMoney(f('disputedAmount'), input.disputedAmount) : null;
  const demand = optionalText(f('demand'), input.demand, INTAKE_LIMITS.demand);
  const staff = input.involvedStaff ?? [];
  if (staff.length > INTAKE_LIMITS.involvedStaff) {
    throw new ValidationError(f('involvedStaff'), `names ${staff.length} people; the limit is ${INTAKE_LIMITS.involvedStaff}`);
  }
  const involvedStaff = staff.map((name, i) => requiredText(f(`involvedStaff.${i}`), name, INTAKE_LIMITS.staffName));
  return {
    channel,
    complainant: { name, phone, email, locale },
    productName,
    contractNumber,
    description,
    occurredAt,
    disputedAmount,
    demand,
    involvedStaff,
  };
}
