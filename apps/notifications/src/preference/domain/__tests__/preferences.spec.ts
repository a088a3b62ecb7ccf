import { applyPreferences, type BorrowerPreferences } from '../preferences';
import { parseQuietHours, releaseTime } from '../quiet-hours';

const prefs = (over: Partial<BorrowerPreferences> = {}): BorrowerPreferences => ({
  tenantId: 't',
  borrowerId: 'C-1001',
  optedOutChannels: [],
  quietHours: { start: '22:00', end: '08:00' },
  updatedAt: new Date(),
  ...over,
});

describe('quiet hours in the tenant time zone', () => {
  it.each([
    // 23:30 Beijing (15:30Z) is inside 22:00–08:00: released at 08:00 Beijing (00:00Z next day).
    ['2026-11-25T15:30:00Z', '2026-11-26T00:00:00.000Z'],
    // 07:59 Beijing: released a minute later.
    ['2026-11-25T23:59:00Z', '2026-11-26T00:00:00.000Z'],
    // 12:00 Beijing: outside, now.
    ['2026-11-25T04:00:00Z', '2026-11-25T04:00:00.000Z'],
  ])('at %s an ordinary SMS goes out at %s', (now, release) => {
    expect(releaseTime({ start: '22:00', end: '08:00' }, new Date(now), 'Asia/Shanghai').toISOString()).toBe(release);
  });

  it('handles a window within one day', () => {
    expect(releaseTime({ start: '12:00', end: '14:00' }, new Date('2026-11-25T04:30:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-25T06:00:00.000Z');
  });

  it.each([
    [{ start: '25:00', end: '08:00' }, 'input.quietHours.start'],
    [{ start: '22:00', end: '8:00' }, 'input.quietHours.end'],
    [{ start: '22:00', end: '22:00' }, 'input.quietHours.end'],
  ])('refuses %j', (value, field) => {
    expect(() => parseQuietHours('input.quietHours', value)).toThrow(expect.objectContaining({ details: { field } }));
  });
});

describe('preferences', () => {
  const night = new Date('2026-11-25T15:30:00Z');
  const noon = new Date('2026-11-25T04:00:00Z');

  it.each([
    ['an ordinary SMS the borrower turned off is suppressed', prefs({ optedOutChannels: ['SMS'] }), { channel: 'SMS', regulatory: false }, noon, 'suppress'],
    ['a regulatory SMS goes out although turned off', prefs({ optedOutChannels: ['SMS'] }), { channel: 'SMS', regulatory: true }, noon, 'send'],
    ['an ordinary email at night is held', prefs(), { channel: 'EMAIL', regulatory: false }, night, 'hold'],
    ['a regulatory email at night goes out', prefs(), { channel: 'EMAIL', regulatory: true }, night, 'send'],
    ['in-app notices are never held', prefs(), { channel: 'IN_APP', regulatory: false }, night, 'send'],
    ['no preferences: sent', null, { channel: 'SMS', regulatory: false }, night, 'send'],
  ] as const)('%s', (_, p, notice, now, verdict) => {
    expect(applyPreferences(p, notice, now, 'Asia/Shanghai').kind).toBe(verdict);
  });
});
