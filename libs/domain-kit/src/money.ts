import { ValidationError } from './domain-error';

/** Money is an integer number of minor units (fen, cents) with its ISO 4217 currency. */
export interface Money {
  amountMinor: number;
  currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

export function parseMoney(field: string, value: { amountMinor: number; currency: string }): Money {
  if (!Number.isSafeInteger(value.amountMinor)) throw new ValidationError(`${field}.amountMinor`, 'must be a whole number of minor units (e.g. fen)');
  if (value.amountMinor < 0) throw new ValidationError(`${field}.amountMinor`, 'must not be negative');
  if (!CURRENCY.test(value.currency)) throw new ValidationError(`${field}.currency`, 'must be an ISO 4217 code such as CNY');
  return { amountMinor: value.amountMinor, currency: value.currency };
}
