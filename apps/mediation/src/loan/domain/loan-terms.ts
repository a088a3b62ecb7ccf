import { ValidationError } from '@redress/domain-kit';

export const REPAYMENT_METHODS = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

/** 120 months: the longest plan any consumer lender offers; a longer one is a typing error. */
export const MAX_TERM_MONTHS = 120;
/**
 * 100% a year, in basis points. No lawful consumer loan comes near it (the comprehensive-cost cap
 * is 24%, penalty rates are usually 1.5× the contract rate): anything above is a typing error,
 * e.g. a rate entered in hundredths of a basis point.
 */
export const MAX_ANNUAL_RATE_BPS = 10_000;
/**
 * ¥2,000,000 in fen. Consumer loans are far smaller (an internet loan is capped at ¥200,000 per
 * borrower), and it keeps every schedule total within a GraphQL Int (2^31 − 1 fen).
 */
export const MAX_AMOUNT_MINOR = 200_000_000;

export function principalAmount(field: string, amountMinor: number): bigint {
  if (!Number.isSafeInteger(amountMinor)) throw new ValidationError(field, 'must be a whole number of minor units (fen)');
  if (amountMinor <= 0) throw new ValidationError(field, `must be more than zero (got ${amountMinor})`);
  if (amountMinor > MAX_AMOUNT_MINOR) throw new ValidationError(field, `must be at most ${MAX_AMOUNT_MINOR} minor units`);
  return BigInt(amountMinor);
}

export function nonNegativeAmount(field: string, amountMinor: number | null | undefined): bigint {
  const value = amountMinor ?? 0;
  if (!Number.isSafeInteger(value)) throw new ValidationError(field, 'must be a whole number of minor units (fen)');
  if (value < 0) throw new ValidationError(field, `must not be negative (got ${value})`);
  if (value > MAX_AMOUNT_MINOR) throw new ValidationError(field, `must be at most ${MAX_AMOUNT_MINOR} minor units`);
  return BigInt(value);
}

export function annualRate(field: string, bps: number): number {
  if (!Number.isInteger(bps)) throw new ValidationError(field, 'must be a whole number of basis points (1 bp = 0.01% a year)');
  if (bps < 0) throw new ValidationError(field, `must not be negative (got ${bps} bp)`);
  if (bps > MAX_ANNUAL_RATE_BPS) {
    throw new ValidationError(field, `${bps} bp (${bps / 100}% a year) is above any plausible rate; the bound is ${MAX_ANNUAL_RATE_BPS} bp (100%)`);
  }
  return bps;
}

export function termMonths(field: string, months: number): number {
  if (!Number.isInteger(months) || months < 1 || months > MAX_TERM_MONTHS) {
    throw new ValidationError(field, `must be a whole number of months from 1 to ${MAX_TERM_MONTHS} (got ${months})`);
  }
  return months;
}

export function repaymentMethod(field: string, value: string): RepaymentMethod {
  if (!(REPAYMENT_METHODS as readonly string[]).includes(value)) throw new ValidationError(field, `must be one of ${REPAYMENT_METHODS.join(', ')}`);
  return value as RepaymentMethod;
}
