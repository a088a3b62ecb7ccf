import { matterOf, validateIntake, type ComplaintIntakeInput } from '../complaint-intake';

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
const evidence = {
  kind: 'CHAT_LOG',
  fileName: '客服聊天记录.png',
  mediaType: 'image/png',
  sizeBytes: 182_044,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
};

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
    ['unknown category', { category: 'GRUMBLE' }, 'input.category: "GRUMBLE" is not one of'],
    ['unknown topic', { topic: 'WEATHER' }, 'input.topic'],
    ['unknown severity', { severity: 'URGENT' }, 'input.severity'],
    ['bad ID number', { complainant: { ...valid.complainant, idNumber: '12345' } }, 'input.complainant.idNumber: is not a resident ID number'],
    ['an attachment without hash', { evidence: [{ ...evidence, sha256: null }] }, 'input.evidence.0.sha256: is required'],
    ['an attachment with a malformed hash', { evidence: [{ ...evidence, sha256: 'abc' }] }, 'input.evidence.0.sha256: must be a SHA-256 digest'],
    ['an attachment of no size', { evidence: [evidence, { ...evidence, sizeBytes: 0 }] }, 'input.evidence.1.sizeBytes'],
    ['an attachment of an unknown type', { evidence: [{ ...evidence, mediaType: 'application/x-msdownload' }] }, 'input.evidence.0.mediaType'],
    ['an attachment named by a path', { evidence: [{ ...evidence, fileName: '../../etc/passwd' }] }, 'input.evidence.0.fileName: must be a file name'],
    ['a referral without the regulator', { channel: 'REGULATOR_REFERRAL' }, 'input.regulatorReferral: is required'],
    ['a referral on another channel', { regulatorReferral: { regulator: '金融监管总局', reference: '12378-1' } }, 'input.regulatorReferral: is only for'],
    ['a representative without authority', { representative: { kind: 'HEIR', name: '王小明', authority: ' ' } }, 'input.representative.authority: is required'],
  ])('refuses %s, naming the field', (_case, change, message) => {
    expect(() => validateIntake({ ...valid, ...change }, now)).toThrow(message);
  });

  it('classifies, defaults to an ordinary complaint, and keeps a representative and evidence', () => {
    const result = validateIntake(
      {
        ...valid,
        category: 'MISCONDUCT_REPORT',
        topic: 'COLLECTION_CONDUCT',
        severity: 'HIGH',
        complainant: { ...valid.complainant, idNumber: '11010119900307451x' },
        representative: { kind: 'HEIR', name: '王小明', authority: '公证继承证明 (2026)京中证内字第118号' },
        evidence: [{ ...evidence, sha256: evidence.sha256.toUpperCase() }],
      },
      now,
    );
    expect(result).toMatchObject({ category: 'MISCONDUCT_REPORT', topic: 'COLLECTION_CONDUCT', severity: 'HIGH' });
    expect(result.complainant.idNumber).toBe('11010119900307451X');
    expect(result.representative).toEqual({ kind: 'HEIR', name: '王小明', phone: null, authority: '公证继承证明 (2026)京中证内字第118号' });
    expect(result.evidence[0]).toMatchObject({ sha256: evidence.sha256, sizeBytes: 182_044 });
    expect(validateIntake(valid, now)).toMatchObject({ category: 'COMPLAINT', topic: 'OTHER', severity: 'MEDIUM', evidence: [] });
  });

  it('records a regulator referral with its reference', () => {
    const result = validateIntake({ ...valid, channel: 'REGULATOR_REFERRAL', regulatorReferral: { regulator: '国家金融监督管理总局 12378', reference: 'JR-2026-11-0042' } }, now);
    expect(result.regulatorReferral).toEqual({ regulator: '国家金融监督管理总局 12378', reference: 'JR-2026-11-0042' });
  });

  it.each<[string, Partial<ComplaintIntakeInput>, boolean]>([
    ['the same phone written differently', { complainant: { ...valid.complainant, phone: '+86 138 1234 1234' } }, true],
    ['another loan', { contractNumber: 'NWD-2025-0099999' }, false],
    ['another topic', { topic: 'PRIVACY' }, false],
    ['another complainant', { complainant: { ...valid.complainant, phone: '13900001111' } }, false],
  ])('tells a repeat on the same matter: %s → %s', (_case, change, same) => {
    const matter = (input: ComplaintIntakeInput) => matterOf(validateIntake(input, now));
    expect(matter({ ...valid, ...change }) === matter(valid)).toBe(same);
  });
});
