import { LOCALES, type Locale } from '@redress/contracts';
import { isUuid, oneOf, optionalText, requiredText, ValidationError, type Money } from '@redress/domain-kit';
import {
  CIRCUMSTANCES,
  isFeeType,
  PAYOUT_METHODS,
  type Circumstance,
  type FeeTypeCode,
  type PayoutMethod,
  type RefundPolicy,
} from '../../policy/domain/refund-policy';
import type { Charge, RefundDocument } from './refund';

export const BORROWER_CHANNELS = ['PARTNER_APP', 'HOTLINE', 'EMAIL'] as const;
export type BorrowerChannel = (typeof BORROWER_CHANNELS)[number];

export interface ChargeInput {
  reference: string;
  feeType: string;
  amount: { amountMinor: number; currency: string };
  chargedAt: Date | string;
  contractNumber?: string | null;
}

export interface RefundRequestInput {
  idempotencyKey: string;
  channel: string;
  borrowerId?: string | null;
  complaintId?: string | null;
  charge: ChargeInput;
  amount: { amountMinor: number; currency: string };
  reason: string;
  documents?: RefundDocument[] | null;
  circumstances?: string[] | null;
  payoutMethod?: string | null;
  payoutAccount?: string | null;
  locale?: Locale | null;
}

export interface NamedCharge {
  reference: string;
  feeType: FeeTypeCode;
  amount: Money;
  chargedAt: Date;
  contractNumber: string | null;
}

export interface ValidRefundRequest {
  idempotencyKey: string;
  channel: BorrowerChannel;
  borrowerId: string | null;
  complaintId: string | null;
  charge: NamedCharge;
  amount: Money;
  reason: string;
  documents: RefundDocument[];
  circumstances: Circumstance[];
  payoutMethod: PayoutMethod | null;
  payoutAccount: string | null;
  locale: Locale;
}

/** A positive whole number of minor units in an ISO currency: zero, negative and fractional amounts are refused. */
export function positiveMoney(field: string, value: { amountMinor: number; currency: string }): Money {
  if (typeof value.amountMinor !== 'number' || !Number.isSafeInteger(value.amountMinor)) {
    throw new ValidationError(`${field}.amountMinor`, 'must be a whole number of minor units (fen), not a fraction');
  }
  if (value.amountMinor <= 0) throw new ValidationError(`${field}.amountMinor`, 'must be more than zero');
  if (!/^[A-Z]{3}$/.test(value.currency)) throw new ValidationError(`${field}.currency`, 'must be an ISO 4217 code such as CNY');
  return { amountMinor: value.amountMinor, currency: value.currency };
}

export function validateCharge(field: string, input: ChargeInput, now: Date): NamedCharge {
  const reference = requiredText(`${field}.reference`, input.reference, 100);
  if (!isFeeType(input.feeType)) throw new ValidationError(`${field}.feeType`, `"${input.feeType}" is not a known fee type`);
  const chargedAt = input.chargedAt instanceof Date ? input.chargedAt : new Date(input.chargedAt);
  if (Number.isNaN(chargedAt.getTime())) throw new ValidationError(`${field}.chargedAt`, 'is not an instant');
  if (chargedAt.getTime() > now.getTime()) throw new ValidationError(`${field}.chargedAt`, 'is in the future');
  return {
    reference,
    feeType: input.feeType,
    amount: positiveMoney(`${field}.amount`, input.amount),
    chargedAt,
    contractNumber: optionalText(`${field}.contractNumber`, input.contractNumber, 100),
  };
}

/** Checks a borrower-channel request before anything is stored: bad input changes nothing. */
export function validateRefundRequest(input: RefundRequestInput, now: Date): ValidRefundRequest {
  const idempotencyKey = requiredText('input.idempotencyKey', input.idempotencyKey, 200);
  const channel = oneOf('input.channel', input.channel, BORROWER_CHANNELS);
  if (input.complaintId && !isUuid(input.complaintId)) throw new ValidationError('input.complaintId', 'is not a complaint id');
  const charge = validateCharge('input.charge', input.charge, now);
  const amount = positiveMoney('input.amount', input.amount);
  const documents = (input.documents ?? []).map((d, i) => validateDocument(`input.documents.${i}`, d));
  if (documents.length > 20) throw new ValidationError('input.documents', 'at most 20 documents');
  const circumstances = [...new Set(input.circumstances ?? [])].map((c, i) => oneOf(`input.circumstances.${i}`, c, CIRCUMSTANCES));
  const payoutMethod = input.payoutMethod ? oneOf('input.payoutMethod', input.payoutMethod, PAYOUT_METHODS) : null;
  const payoutAccount = optionalText('input.payoutAccount', input.payoutAccount, 64);
  if (payoutMethod === 'BANK_TRANSFER' && !payoutAccount) throw new ValidationError('input.payoutAccount', 'is required for a bank transfer');
  return {
    idempotencyKey,
    channel,
    borrowerId: optionalText('input.borrowerId', input.borrowerId, 200),
    complaintId: input.complaintId ?? null,
    charge,
    amount,
    reason: requiredText('input.reason', input.reason, 4_000),
    documents,
    circumstances,
    payoutMethod,
    payoutAccount,
    locale: input.locale ? oneOf('input.locale', input.locale, LOCALES) : 'zh-CN',
  };
}

function validateDocument(field: string, d: RefundDocument): RefundDocument {
  if (!Number.isSafeInteger(d.sizeBytes) || d.sizeBytes < 0) throw new ValidationError(`${field}.sizeBytes`, 'must be a whole number of bytes');
  if (!/^[0-9a-f]{64}$/i.test(d.sha256)) throw new ValidationError(`${field}.sha256`, 'must be a SHA-256 in hex');
  return {
    name: requiredText(`${field}.name`, d.name, 255),
    contentType: requiredText(`${field}.contentType`, d.contentType, 100),
    sizeBytes: d.sizeBytes,
    sha256: d.sha256.toLowerCase(),
  };
}

/**
 * A charge named again must agree with the one recorded: a second request cannot quietly make a
 * ¥380 fee into a ¥3,800 one and so lift the ceiling on refunds.
 */
export function checkChargeAgrees(field: string, recorded: Charge, named: NamedCharge): void {
  const differs = (what: string, detail: string) =>
    new ValidationError(`${field}.${what}`, `does not match the charge ${recorded.reference} as recorded (${detail})`);
  if (recorded.feeType !== named.feeType) throw differs('feeType', `recorded as ${recorded.feeType}`);
  if (recorded.amount.currency !== named.amount.currency) throw differs('amount.currency', `recorded in ${recorded.amount.currency}`);
  if (recorded.amount.amountMinor !== named.amount.amountMinor) throw differs('amount.amountMinor', `recorded as ${recorded.amount.amountMinor}`);
  if (recorded.chargedAt.getTime() !== named.chargedAt.getTime()) throw differs('chargedAt', `recorded as ${recorded.chargedAt.toISOString()}`);
}

/** The refund must be in the charge's currency and within what is left of it. */
export function checkAmountAgainstCharge(field: string, amount: Money, charge: Charge): void {
  if (amount.currency !== charge.amount.currency) {
    throw new ValidationError(`${field}.currency`, `the charge ${charge.reference} is in ${charge.amount.currency}, not ${amount.currency}`);
  }
  const remaining = charge.amount.amountMinor - charge.committedMinor;
  if (amount.amountMinor > remaining) {
    throw new ValidationError(
      `${field}.amountMinor`,
      `is more than the ${remaining} left to refund of the charge ${charge.reference} (${charge.amount.amountMinor} charged, ${charge.committedMinor} already approved)`,
    );
  }
}

/** The method the borrower chose, or the policy's default; one the lender does not offer is refused. */
export function choosePayoutMethod(field: string, chosen: PayoutMethod | null, policy: RefundPolicy): PayoutMethod {
  if (!chosen) return policy.payoutMethods[0]!;
  if (!policy.payoutMethods.includes(chosen)) {
    throw new ValidationError(field, `${chosen} is not offered by this lender (offered: ${policy.payoutMethods.join(', ')})`);
  }
  return chosen;
}

export function accountHint(account: string): string {
  return `****${account.slice(-4)}`;
}
