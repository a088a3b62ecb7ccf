import { ValidationError } from '@redress/domain-kit';
import type { NoticeChannel } from '../../notice/domain/notice';
import { releaseTime, type QuietHours } from './quiet-hours';

/** Channels a borrower may turn off for ordinary notices; in-app notices stay in their inbox. */
export const OPTIONAL_CHANNELS = ['SMS', 'EMAIL'] as const;
export type OptionalChannel = (typeof OPTIONAL_CHANNELS)[number];

export interface BorrowerPreferences {
  tenantId: string;
  borrowerId: string;
  optedOutChannels: OptionalChannel[];
  quietHours: QuietHours | null;
  updatedAt: Date;
}

export function parseOptedOutChannels(field: string, channels: string[]): OptionalChannel[] {
  for (const c of channels) {
    if (!(OPTIONAL_CHANNELS as readonly string[]).includes(c)) throw new ValidationError(field, `only ${OPTIONAL_CHANNELS.join(' and ')} can be turned off`);
  }
  return [...new Set(channels)] as OptionalChannel[];
}

export type PreferenceVerdict = { kind: 'send' } | { kind: 'suppress'; reason: string } | { kind: 'hold'; until: Date };

/**
 * Whether a notice goes out now. Regulatory notices (decision, extension, appeal rights…) always
 * do; an ordinary one on a channel the borrower turned off is suppressed, and one that falls in
 * their quiet hours waits for the end of them. Only SMS and email disturb anyone.
 */
export function applyPreferences(
  prefs: BorrowerPreferences | null,
  notice: { channel: NoticeChannel; regulatory: boolean },
  now: Date,
  timeZone: string,
): PreferenceVerdict {
  if (!prefs || notice.regulatory || (notice.channel !== 'SMS' && notice.channel !== 'EMAIL')) return { kind: 'send' };
  if (prefs.optedOutChannels.includes(notice.channel)) return { kind: 'suppress', reason: `the borrower turned off ${notice.channel} for ordinary notices` };
  const release = releaseTime(prefs.quietHours, now, timeZone);
  return release.getTime() > now.getTime() ? { kind: 'hold', until: release } : { kind: 'send' };
}
