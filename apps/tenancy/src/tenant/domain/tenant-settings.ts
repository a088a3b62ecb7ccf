import {
  COMPLAINT_CHANNELS,
  complaintClockPolicySchema,
  DEFAULT_COMPLAINT_CLOCK_POLICY,
  LOCALES,
  type ComplaintChannel,
  type Locale,
} from '@redress/contracts';
import { isUuid, ValidationError } from '@redress/domain-kit';
import type { TenantSettings } from './tenant';

export interface OnboardTenantInput {
  tenantId?: string | null;
  name: string;
  code: string;
  locales: string[];
  defaultLocale: string;
  timeZone: string;
  enabledChannels: string[];
  clockPolicy?: Record<string, number> | null;
  refundPolicy?: unknown;
}

/** The same shape TenantOnboarded requires: an upper-case letter, then 1–7 upper-case letters or digits. */
const TENANT_CODE = /^[A-Z][A-Z0-9]{1,7}$/;
const MAX_REFUND_POLICY_BYTES = 16_000;

function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone) || zone.length > 60) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function distinct<T>(values: T[]): boolean {
  return new Set(values).size === values.length;
}

/**
 * Checks what a platform administrator gives to onboard a lender, naming the first bad field.
 * Clock policies looser than the regulatory clocks are refused (each bound is a ceiling).
 */
export function validateTenantSettings(input: OnboardTenantInput): { tenantId: string | null; settings: TenantSettings } {
  if (input.tenantId != null && !isUuid(input.tenantId)) throw new ValidationError('input.tenantId', 'is not a UUID');
  if (input.tenantId === '00000000-0000-0000-0000-000000000000') {
    throw new ValidationError('input.tenantId', 'is the platform operators\' id, not a lender\'s');
  }
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) throw new ValidationError('input.name', 'must be 1–200 characters');
  if (!TENANT_CODE.test(input.code)) {
    throw new ValidationError('input.code', 'must be an upper-case letter followed by 1–7 upper-case letters or digits, e.g. NWD');
  }
  if (input.locales.length < 1) throw new ValidationError('input.locales', 'must name at least one locale');
  if (!distinct(input.locales)) throw new ValidationError('input.locales', 'names a locale twice');
  for (const locale of input.locales) {
    if (!(LOCALES as readonly string[]).includes(locale)) throw new ValidationError('input.locales', `has an unknown locale ${locale}`);
  }
  if (!input.locales.includes(input.defaultLocale)) throw new ValidationError('input.defaultLocale', 'must be one of the locales');
  if (!isTimeZone(input.timeZone)) throw new ValidationError('input.timeZone', 'is not an IANA time zone, e.g. Asia/Shanghai');
  if (input.enabledChannels.length < 1) throw new ValidationError('input.enabledChannels', 'must name at least one channel');
  if (!distinct(input.enabledChannels)) throw new ValidationError('input.enabledChannels', 'names a channel twice');
  for (const channel of input.enabledChannels) {
    if (!(COMPLAINT_CHANNELS as readonly string[]).includes(channel)) {
      throw new ValidationError('input.enabledChannels', `has an unknown channel ${channel}`);
    }
  }
  const clock = complaintClockPolicySchema.safeParse(input.clockPolicy ?? DEFAULT_COMPLAINT_CLOCK_POLICY);
  if (!clock.success) {
    const issue = clock.error.issues[0]!;
    const field = `input.clockPolicy.${issue.path.join('.')}`;
    const reason =
      issue.code === 'too_big'
        ? `may not be looser than the regulatory limit of ${String(issue.maximum)}`
        : issue.code === 'too_small'
          ? `must be at least ${String(issue.minimum)}`
          : issue.message;
    throw new ValidationError(field, reason);
  }
  let refundPolicy: Record<string, unknown> | null = null;
  if (input.refundPolicy != null) {
    if (typeof input.refundPolicy !== 'object' || Array.isArray(input.refundPolicy)) {
      throw new ValidationError('input.refundPolicy', 'must be a JSON object');
    }
    if (JSON.stringify(input.refundPolicy).length > MAX_REFUND_POLICY_BYTES) {
      throw new ValidationError('input.refundPolicy', `must be under ${MAX_REFUND_POLICY_BYTES} bytes`);
    }
    refundPolicy = input.refundPolicy as Record<string, unknown>;
  }
  return {
    tenantId: input.tenantId ?? null,
    settings: {
      name,
      code: input.code,
      locales: input.locales as Locale[],
      defaultLocale: input.defaultLocale as Locale,
      timeZone: input.timeZone,
      enabledChannels: input.enabledChannels as ComplaintChannel[],
      clockPolicy: clock.data,
      refundPolicy,
    },
  };
}

/** A status change is a CONFLICT when it would change nothing; the reason is recorded. */
export function validateStatusReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 1 || trimmed.length > 1_000) throw new ValidationError('input.reason', 'must be 1–1000 characters');
  return trimmed;
}

/** JSON with object keys sorted: stored policies come back from jsonb in another key order than given. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** A change of settings: only what is given changes. The code is fixed once onboarded (it is in every reference number). */
export interface TenantSettingsChange {
  name?: string | null;
  locales?: string[] | null;
  defaultLocale?: string | null;
  timeZone?: string | null;
  enabledChannels?: string[] | null;
  clockPolicy?: Record<string, number> | null;
  refundPolicy?: unknown;
}

/** The settings after a change, checked exactly as at onboarding; also the names of the fields that changed. */
export function applySettingsChange(
  current: TenantSettings,
  change: TenantSettingsChange,
): { settings: TenantSettings; changed: (keyof TenantSettings)[] } {
  const { settings } = validateTenantSettings({
    name: change.name ?? current.name,
    code: current.code,
    locales: change.locales ?? current.locales,
    defaultLocale: change.defaultLocale ?? current.defaultLocale,
    timeZone: change.timeZone ?? current.timeZone,
    enabledChannels: change.enabledChannels ?? current.enabledChannels,
    clockPolicy: change.clockPolicy ?? current.clockPolicy,
    refundPolicy: change.refundPolicy === undefined ? current.refundPolicy : change.refundPolicy,
  });
  const changed = (Object.keys(settings) as (keyof TenantSettings)[]).filter((key) => canonical(settings[key]) !== canonical(current[key]));
  return { settings, changed };
}
