/** Where a complaint came in (DOMAIN.md, Complaints → Intake channels). */
export const COMPLAINT_CHANNELS = [
  'HOTLINE',
  'EMAIL',
  'WEB',
  'APP',
  'BRANCH',
  'ONLINE_CHAT',
  'SOCIAL_MEDIA',
  'REGULATOR_REFERRAL',
  'LETTER',
] as const;

export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
