import { validateIntake, type ComplaintIntakeInput } from '../complaint-intake';

const now = new Date('2026-11-25T08:00:00Z');
const valid: ComplaintIntakeInput = {
  channel: 'APP',
  complainant: { name: '王秀英', phone: '13812341234', email: 'wxy@example.cn', locale: 'zh-CN' },
  productName: '你我贷·极速借',
  contractNumber: 'NWD-2025-0081123',
  description: '2026年10月提前还款后仍被收取服务费 380 元，客服只回复标准话术。',
  occurredAt: new Date('2026-10-20T02:00:00Z'),
  disputedAmount: { amountMinor: 38_000, currency: 'CNY' },
  demand: '退还服务费并说明收费依据',
};

const over = (n: number) => '字'.repeat(n + 1);

describe('validateIntake', () => {
  it('accepts a complete intake and defaults the locale to zh-CN', () => {
    const result = validateIntake({ ...valid, complainant: { ...valid.complainant, locale: null } }, now);
    expect(result.complainant.locale).toBe('zh-CN');
    expect(result.disputedAmount).toEqual({ amountMinor: 38_000, currency: 'CNY' });
  });

  it('accepts a minimal intake', () => {
    const result = validateIntake(
      { channel: 'HOTLINE', complainant: { name: '李强', phone: '+86 139 0000 1111' }, productName: '桔多多', description: '催收电话打到了我的同事。' },
      now,
    );
    expect(result).toMatchObject({ contractNumber: null, occurredAt: null, disputedAmount: null, demand: null });
  });

  it.each<[string, Partial<ComplaintIntakeInput>, string]>([
    ['unknown channel', { channel: 'FAX' }, 'input.channel: "FAX" is not one of'],
    ['missing name', { complainant: { ...valid.complainant, name: ' ' } }, 'input.complainant.name: is required'],
    ['bad phone', { complainant: { ...valid.complainant, phone: 'call me' } }, 'input.complainant.phone: is not a telephone number'],
    ['bad email', { complainant: { ...valid.complainant, email: 'nobody' } }, 'input.complainant.email: is not an email address'],
    ['unknown locale', { complainant: { ...valid.complainant, locale: 'fr' } }, 'input.complainant.locale'],
    ['missing product', { productName: '' }, 'input.productName: is required'],
    ['description over the limit', { description: over(5_000) }, 'input.description: is 5001 characters long; the limit is 5000'],
    ['demand over the limit', { demand: over(2_000) }, 'input.demand: is 2001 characters long'],
    ['future occurredAt', { occurredAt: new Date('2026-11-26T00:00:00Z') }, 'input.occurredAt: is in the future'],
    ['negative amount', { disputedAmount: { amountMinor: -1, currency: 'CNY' } }, 'input.disputedAmount.amountMinor: must not be negative'],
    ['fractional amount', { disputedAmount: { amountMinor: 10.5, currency: 'CNY' } }, 'input.disputedAmount.amountMinor: must be a whole number'],
    ['bad currency', { disputedAmount: { amountMinor: 100, currency: 'yuan' } }, 'input.disputedAmount.currency'],
    ['a blank name among the staff involved', { involvedStaff: ['催收员 刘某', ' '] }, 'input.involvedStaff.1: is required'],
    ['too many staff involved', { involvedStaff: Array.from({ length: 21 }, (_, i) => `员工${i}`) }, 'input.involvedStaff: names 21 people; the limit is 20'],
  ])('refuses %s, naming the field', (_case, change, message) => {
    expect(() => validateIntake({ ...valid, ...change }, now)).toThrow(message);
  });
});
