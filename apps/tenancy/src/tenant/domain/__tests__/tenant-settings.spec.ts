import { DomainError } from '@redress/domain-kit';
import { applySettingsChange, validateTenantSettings, type OnboardTenantInput } from '../tenant-settings';

const valid: OnboardTenantInput = {
  name: '你我贷',
  code: 'NWD',
  locales: ['zh-CN', 'en'],
  defaultLocale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  enabledChannels: ['APP', 'HOTLINE'],
};
const regulatory = { firstReplyHours: 24, decisionDays: 15, complexExtensionDays: 15, seniorExtensionDays: 30, warningHours: 4 };

function fieldOf(input: Partial<OnboardTenantInput>): string | null {
  try {
    validateTenantSettings({ ...valid, ...input });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return String((error as DomainError).details.field);
  }
}

describe('tenant settings at onboarding', () => {
  it('accepts a valid lender and defaults the clocks to the regulatory ones', () => {
    const { settings, tenantId } = validateTenantSettings(valid);
    expect(tenantId).toBeNull();
    expect(settings.clockPolicy).toEqual(regulatory);
    expect(settings.refundPolicy).toBeNull();
  });

  it('accepts stricter clocks', () => {
    const strict = { ...regulatory, firstReplyHours: 12, decisionDays: 10 };
    expect(validateTenantSettings({ ...valid, clockPolicy: strict }).settings.clockPolicy).toEqual(strict);
  });

  it.each<[string, Partial<OnboardTenantInput>, string]>([
    ['a first reply later than 24 hours', { clockPolicy: { ...regulatory, firstReplyHours: 48 } }, 'input.clockPolicy.firstReplyHours'],
    ['a decision later than 15 days', { clockPolicy: { ...regulatory, decisionDays: 20 } }, 'input.clockPolicy.decisionDays'],
    ['a senior extension over 30 days', { clockPolicy: { ...regulatory, seniorExtensionDays: 45 } }, 'input.clockPolicy.seniorExtensionDays'],
    ['a lower-case code', { code: 'nwd' }, 'input.code'],
    ['a one-letter code', { code: 'N' }, 'input.code'],
    ['an empty name', { name: '   ' }, 'input.name'],
    ['no locale', { locales: [] }, 'input.locales'],
    ['an unknown locale', { locales: ['fr'], defaultLocale: 'fr' }, 'input.locales'],
    ['a default locale not served', { defaultLocale: 'zh-TW' }, 'input.defaultLocale'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'input.timeZone'],
    ['no channel', { enabledChannels: [] }, 'input.enabledChannels'],
    ['a channel twice', { enabledChannels: ['APP', 'APP'] }, 'input.enabledChannels'],
    ['a refund policy that is not an object', { refundPolicy: [1, 2] }, 'input.refundPolicy'],
    ['a malformed tenant id', { tenantId: 'tenant-1' }, 'input.tenantId'],
    ["the platform operators' id", { tenantId: '00000000-0000-0000-0000-000000000000' }, 'input.tenantId'],
  ])('refuses %s, naming the field', (_what, input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it('says a looser clock is looser than the regulatory limit', () => {
    expect(() => validateTenantSettings({ ...valid, clockPolicy: { ...regulatory, decisionDays: 20 } })).toThrow('looser than the regulatory limit of 15');
  });
});

describe('a change of tenant settings', () => {
  const current = validateTenantSettings(valid).settings;

  it.each<[string, Parameters<typeof applySettingsChange>[1], string[]]>([
    ['stricter clocks', { clockPolicy: { ...regulatory, decisionDays: 10 } }, ['clockPolicy']],
    ['a new channel and locale', { enabledChannels: ['APP', 'HOTLINE', 'WEB'], locales: ['zh-CN', 'en', 'zh-TW'] }, ['locales', 'enabledChannels']],
    ['the same values', { timeZone: 'Asia/Shanghai', name: '你我贷' }, []],
    ['nothing', {}, []],
    ['clearing the refund policy', { refundPolicy: null }, []],
    ['the same clocks in another key order', { clockPolicy: { warningHours: 4, seniorExtensionDays: 30, complexExtensionDays: 15, decisionDays: 15, firstReplyHours: 24 } }, []],
  ])('%s changes %j', (_what, change, changed) => {
    const result = applySettingsChange(current, change);
    expect(result.changed).toEqual(changed);
    expect(result.settings.code).toBe('NWD');
  });

  it('refuses what onboarding refuses, naming the field', () => {
    expect(() => applySettingsChange(current, { clockPolicy: { ...regulatory, firstReplyHours: 36 } })).toThrow('input.clockPolicy.firstReplyHours');
    expect(() => applySettingsChange(current, { locales: ['en'] })).toThrow('input.defaultLocale');
  });
});
