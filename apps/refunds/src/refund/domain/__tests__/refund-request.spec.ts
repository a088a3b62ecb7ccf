import { ValidationError } from '@redress/domain-kit';
import type { Charge } from '../refund';
import { checkAmountAgainstCharge, checkChargeAgrees, validateRefundRequest, type RefundRequestInput } from '../refund-request';

const now = new Date('2026-11-25T06:00:00Z');
const input = (overrides: Partial<RefundRequestInput> = {}): RefundRequestInput => ({
  idempotencyKey: 'nwd-app-7f3a',
  channel: 'PARTNER_APP',
  borrowerId: 'NWD-C-000321',
  charge: { reference: 'NWD-FEE-0001', feeType: 'SERVICE_FEE', amount: { amountMinor: 38_000, currency: 'CNY' }, chargedAt: '2026-10-20T10:00:00+08:00' },
  amount: { amountMinor: 38_000, currency: 'CNY' },
  reason: '提前结清后仍按原期限收取了服务费',
  ...overrides,
});
const recorded: Charge = {
  tenantId: 't',
  id: 'c',
  reference: 'NWD-FEE-0001',
  feeType: 'SERVICE_FEE',
  amount: { amountMinor: 38_000, currency: 'CNY' },
  chargedAt: new Date('2026-10-20T02:00:00Z'),
  contractNumber: null,
  committedMinor: 8_000,
  recordedBy: 'staff:wang',
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details.field!;
  }
  throw new Error('expected a ValidationError');
}

describe('refund request input', () => {
  it('accepts a complete request and defaults the locale', () => {
    expect(validateRefundRequest(input(), now)).toMatchObject({ channel: 'PARTNER_APP', locale: 'zh-CN', amount: { amountMinor: 38_000 } });
  });

  it.each<[string, Partial<RefundRequestInput>, string]>([
    ['a zero amount', { amount: { amountMinor: 0, currency: 'CNY' } }, 'input.amount.amountMinor'],
    ['a negative amount', { amount: { amountMinor: -100, currency: 'CNY' } }, 'input.amount.amountMinor'],
    ['a fractional amount', { amount: { amountMinor: 100.5, currency: 'CNY' } }, 'input.amount.amountMinor'],
    ['a currency that is not ISO', { amount: { amountMinor: 100, currency: 'rmb' } }, 'input.amount.currency'],
    ['an unknown fee type', { charge: { ...input().charge, feeType: 'TEA_MONEY' } }, 'input.charge.feeType'],
    ['a charge in the future', { charge: { ...input().charge, chargedAt: '2027-01-01T00:00:00Z' } }, 'input.charge.chargedAt'],
    ['a decision channel from outside', { channel: 'COMPLAINT_DECISION' }, 'input.channel'],
    ['a bank transfer without an account', { payoutMethod: 'BANK_TRANSFER' }, 'input.payoutAccount'],
    ['no idempotency key', { idempotencyKey: '  ' }, 'input.idempotencyKey'],
  ])('refuses %s, naming the field', (_name, overrides, field) => {
    expect(fieldOf(() => validateRefundRequest(input(overrides), now))).toBe(field);
  });

  it.each<[string, { amountMinor: number; currency: string }, string | null]>([
    ['what is left', { amountMinor: 30_000, currency: 'CNY' }, null],
    ['more than is left', { amountMinor: 30_001, currency: 'CNY' }, 'input.amount.amountMinor'],
    ['a currency the charge is not in', { amountMinor: 100, currency: 'USD' }, 'input.amount.currency'],
  ])('checks %s against the charge', (_name, amount, field) => {
    if (field === null) expect(() => checkAmountAgainstCharge('input.amount', amount, recorded)).not.toThrow();
    else expect(fieldOf(() => checkAmountAgainstCharge('input.amount', amount, recorded))).toBe(field);
  });

  it('refuses a charge named differently from its record', () => {
    const named = validateRefundRequest(input({ charge: { ...input().charge, amount: { amountMinor: 380_000, currency: 'CNY' } } }), now).charge;
    expect(fieldOf(() => checkChargeAgrees('input.charge', recorded, named))).toBe('input.charge.amount.amountMinor');
    expect(() => checkChargeAgrees('input.charge', recorded, validateRefundRequest(input(), now).charge)).not.toThrow();
  });
});
