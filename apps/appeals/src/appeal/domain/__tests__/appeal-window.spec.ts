import { readAppealClock } from '../appeal-clock';
import { DomainError } from '@redress/domain-kit';
import { appealDecisionDueAt, appealWindow, assertWithinWindow } from '../appeal-window';

describe('the appeal window, counted in the tenant’s time zone', () => {
  // receivedAt, windowDays, timeZone, filedAt, in?, the window's last day
  const cases: [string, string, number, string, string, boolean, string][] = [
    ['last day, first minute', '2026-11-25T02:00:00Z', 30, 'Asia/Shanghai', '2026-12-24T16:00:00Z', true, '2026-12-25'],
    ['last day, last second', '2026-11-25T02:00:00Z', 30, 'Asia/Shanghai', '2026-12-25T15:59:59.999Z', true, '2026-12-25'],
    ['day after, first instant', '2026-11-25T02:00:00Z', 30, 'Asia/Shanghai', '2026-12-25T16:00:00Z', false, '2026-12-25'],
    ['day after, noon', '2026-11-25T02:00:00Z', 30, 'Asia/Shanghai', '2026-12-26T04:00:00Z', false, '2026-12-25'],
    // 16:30Z on the 25th is already the 26th in Shanghai: the window starts a day later than in UTC.
    ['received after local midnight (UTC still the day before)', '2026-11-25T16:30:00Z', 30, 'Asia/Shanghai', '2026-12-26T15:00:00Z', true, '2026-12-26'],
    ['same instants in UTC count one day less', '2026-11-25T16:30:00Z', 30, 'UTC', '2026-12-26T15:00:00Z', false, '2026-12-25'],
    ['received just before local midnight', '2026-11-25T15:59:00Z', 30, 'Asia/Shanghai', '2026-12-25T15:59:00Z', true, '2026-12-25'],
    ['a longer tenant window', '2026-11-25T02:00:00Z', 45, 'Asia/Shanghai', '2027-01-09T15:00:00Z', true, '2027-01-09'],
    ['a longer tenant window, day after', '2026-11-25T02:00:00Z', 45, 'Asia/Shanghai', '2027-01-09T16:00:00Z', false, '2027-01-09'],
    // New York leaves daylight saving on 2026-11-01: local midnight moves from 04:00Z to 05:00Z.
    ['across a DST change, last day', '2026-10-20T14:00:00Z', 30, 'America/New_York', '2026-11-20T04:59:59Z', true, '2026-11-19'],
    ['across a DST change, day after', '2026-10-20T14:00:00Z', 30, 'America/New_York', '2026-11-20T05:00:00Z', false, '2026-11-19'],
    ['filed on the day of receipt', '2026-11-25T02:00:00Z', 30, 'Asia/Shanghai', '2026-11-25T03:00:00Z', true, '2026-12-25'],
  ];

  it.each(cases)('%s', (_name, receivedAt, days, zone, filedAt, inside, lastDay) => {
    expect(appealWindow(new Date(receivedAt), days, zone).lastDay).toBe(lastDay);
    const check = () => assertWithinWindow(new Date(receivedAt), new Date(filedAt), days, zone);
    if (inside) {
      expect(check().lastDay).toBe(lastDay);
    } else {
      expect(check).toThrow(DomainError);
      try {
        check();
      } catch (error) {
        const e = error as DomainError;
        expect(e.code).toBe('CONFLICT');
        expect(e.details).toMatchObject({ reason: 'APPEAL_WINDOW_CLOSED', windowLastDay: lastDay, timeZone: zone });
        expect(e.message).toContain(lastDay);
      }
    }
  });

  it.each([
    ['a window announced longer than today’s policy still applies', 45, '2027-01-09', '2027-01-09T15:00:00Z', true],
    ['…to its own last day only', 45, '2027-01-09', '2027-01-09T16:00:00Z', false],
    ['a shorter announced window never cuts the current policy', 10, '2026-12-05', '2026-12-25T15:00:00Z', true],
  ])('%s', (_name, announcedDays, lastDay, filedAt, inside) => {
    const receivedAt = new Date('2026-11-25T02:00:00Z');
    const announced = appealWindow(receivedAt, announcedDays, 'Asia/Shanghai');
    expect(announced.lastDay).toBe(lastDay);
    const check = () => assertWithinWindow(receivedAt, new Date(filedAt), 30, 'Asia/Shanghai', announced);
    if (inside) expect(check).not.toThrow();
    else expect(check).toThrow(DomainError);
  });

  it('closes at the tenant’s local midnight after the last day', () => {
    expect(appealWindow(new Date('2026-11-25T02:00:00Z'), 30, 'Asia/Shanghai').closesAt.toISOString()).toBe('2026-12-25T16:00:00.000Z');
    expect(appealWindow(new Date('2026-11-25T02:00:00Z'), 30, 'Europe/London').closesAt.toISOString()).toBe('2026-12-26T00:00:00.000Z');
  });

  it.each([
    ['2026-11-25T02:00:00Z', 15, 'Asia/Shanghai', '2026-12-10T16:00:00.000Z'],
    ['2026-11-25T17:00:00Z', 15, 'Asia/Shanghai', '2026-12-11T16:00:00.000Z'],
  ])('an appeal filed at %s is due %i days later, at the end of that local day', (filed, days, zone, due) => {
    expect(appealDecisionDueAt(new Date(filed), days, zone).toISOString()).toBe(due);
  });
});

describe('the appeal decision clock', () => {
  const due = new Date('2026-12-10T16:00:00Z');
  it.each([
    ['well before', '2026-12-01T00:00:00Z', null, 'RUNNING'],
    ['within the warning hours', '2026-12-10T00:00:00Z', null, 'WARNING'],
    ['past due, undecided', '2026-12-10T16:00:01Z', null, 'BREACHED'],
    ['decided in time', '2026-12-20T00:00:00Z', '2026-12-09T00:00:00Z', 'MET'],
    ['decided late', '2026-12-20T00:00:00Z', '2026-12-11T00:00:00Z', 'MISSED'],
  ])('%s', (_name, now, stopped, state) => {
    expect(readAppealClock(due, 24, stopped ? new Date(stopped) : null, new Date(now)).state).toBe(state);
  });
});
