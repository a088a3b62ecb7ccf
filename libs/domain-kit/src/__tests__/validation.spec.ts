import { parseMoney } from '../money';
import { oneOf, optionalText, requiredText } from '../text';

describe('requiredText / optionalText', () => {
  it.each([
    ['  张伟  ', 10, '张伟'],
    ['借款合同纠纷', 6, '借款合同纠纷'],
  ])('accepts %j within %i characters', (value, max, expected) => {
    expect(requiredText('input.name', value, max)).toBe(expected);
  });

  it.each([
    [undefined, 10, 'input.name: is required'],
    ['   ', 10, 'input.name: is required'],
    ['借款合同纠纷', 5, 'input.name: is 6 characters long; the limit is 5'],
  ])('refuses %j (limit %i)', (value, max, message) => {
    expect(() => requiredText('input.name', value, max)).toThrow(message);
  });

  it('treats blank optional text as absent', () => {
    expect(optionalText('input.demand', '  ', 10)).toBeNull();
  });
});

describe('parseMoney', () => {
  it.each([
    [{ amountMinor: 0, currency: 'CNY' }, null],
    [{ amountMinor: 1_250_000, currency: 'CNY' }, null],
    [{ amountMinor: -1, currency: 'CNY' }, 'input.amount.amountMinor: must not be negative'],
    [{ amountMinor: 12.5, currency: 'CNY' }, 'input.amount.amountMinor: must be a whole number'],
    [{ amountMinor: 100, currency: 'rmb' }, 'input.amount.currency: must be an ISO 4217 code'],
  ])('%j → %s', (value, error) => {
    if (error) expect(() => parseMoney('input.amount', value)).toThrow(error);
    else expect(parseMoney('input.amount', value)).toEqual(value);
  });
});

describe('oneOf', () => {
  it('names the allowed values', () => {
    expect(() => oneOf('input.locale', 'fr', ['zh-CN', 'en'])).toThrow('input.locale: "fr" is not one of zh-CN, en');
  });
});
