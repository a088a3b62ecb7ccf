import { REGULATORY_CLOCK_POLICY, validateClockPolicy, type ClockPolicy } from '../clock-policy';
import {
  extendClock,
  pauseClock,
  readClock,
  restartClock,
  resumeClock,
  startClock,
  stopClock,
  type DeadlineClock,
} from '../deadline-clock';

const at = (iso: string) => new Date(iso);
const policy = REGULATORY_CLOCK_POLICY;
const iso = (d: Date) => d.toISOString();

describe('decision and first-reply due times', () => {
  it.each([
    // kind, received, due: across a month end, the new year and a leap day
    ['FIRST_REPLY', '2026-11-25T08:00:00.000Z', '2026-11-26T08:00:00.000Z'],
    ['FIRST_REPLY', '2026-12-31T20:00:00.000Z', '2027-01-01T20:00:00.000Z'],
    ['DECISION', '2026-11-25T08:00:00.000Z', '2026-12-10T08:00:00.000Z'],
    ['DECISION', '2026-12-20T10:00:00.000Z', '2027-01-04T10:00:00.000Z'],
    ['DECISION', '2028-02-20T00:00:00.000Z', '2028-03-06T00:00:00.000Z'],
    ['DECISION', '2026-01-31T16:00:00.000Z', '2026-02-15T16:00:00.000Z'],
  ] as const)('%s clock received %s is due %s', (kind, received, due) => {
    expect(iso(readClock(startClock(kind, at(received)), policy, at(received)).dueAt)).toBe(due);
  });

  it.each([
    ['NONE', '2026-12-10T08:00:00.000Z'],
    ['COMPLEX', '2026-12-25T08:00:00.000Z'],
    ['FURTHER', '2027-01-24T08:00:00.000Z'],
  ] as const)('extension %s: 15 / 30 / 30 + 30 days', (extension, due) => {
    let clock = startClock('DECISION', at('2026-11-25T08:00:00Z'));
    if (extension !== 'NONE') clock = extendClock(clock, 'COMPLEX', '需调取三个月通话录音核实', null);
    if (extension === 'FURTHER') clock = extendClock(clock, 'FURTHER', '涉及第三方担保公司，需联合核查', '合规部 赵总监');
    expect(iso(readClock(clock, policy, at('2026-11-25T08:00:00Z')).dueAt)).toBe(due);
  });
});

describe('clock states', () => {
  const received = at('2026-11-25T08:00:00Z');
  const clock = startClock('DECISION', received);

  it.each([
    ['2026-11-25T08:00:00Z', 'RUNNING'],
    ['2026-12-10T03:59:59Z', 'RUNNING'],
    ['2026-12-10T04:00:00Z', 'WARNING'],
    ['2026-12-10T08:00:00Z', 'WARNING'],
    ['2026-12-10T08:00:01Z', 'BREACHED'],
  ])('at %s it is %s', (now, state) => {
    expect(readClock(clock, policy, at(now)).state).toBe(state);
  });

  it('reports time left, negative once breached', () => {
    expect(readClock(clock, policy, at('2026-12-10T07:00:00Z')).timeLeftMs).toBe(60 * 60 * 1000);
    expect(readClock(clock, policy, at('2026-12-10T09:00:00Z')).timeLeftMs).toBe(-60 * 60 * 1000);
  });

  it('is met when stopped in time and missed when stopped late', () => {
    expect(readClock(stopClock(clock, at('2026-12-01T00:00:00Z')), policy, at('2027-01-01T00:00:00Z')).state).toBe('MET');
    expect(readClock(stopClock(clock, at('2026-12-11T00:00:00Z')), policy, at('2027-01-01T00:00:00Z')).state).toBe('MISSED');
  });
});

describe('pause and resume (outside appraisal does not count)', () => {
  const received = at('2026-11-25T08:00:00Z');
  const paused = pauseClock(startClock('DECISION', received), at('2026-11-30T08:00:00Z'), '录音送第三方鉴定');

  it('shows the pause, its reason, and freezes the time left', () => {
    const early = readClock(paused, policy, at('2026-12-01T08:00:00Z'));
    const later = readClock(paused, policy, at('2026-12-20T08:00:00Z'));
    expect(early).toMatchObject({ state: 'PAUSED', pauseReason: '录音送第三方鉴定', pausedSince: at('2026-11-30T08:00:00Z') });
    expect(later.timeLeftMs).toBe(early.timeLeftMs);
    expect(later.state).toBe('PAUSED');
  });

  it('moves the due time out by the length of the pause', () => {
    const resumed = resumeClock(paused, at('2026-12-05T08:00:00Z'));
    expect(iso(readClock(resumed, policy, at('2026-12-05T08:00:00Z')).dueAt)).toBe('2026-12-15T08:00:00.000Z');
  });

  it('adds up several pauses', () => {
    let clock: DeadlineClock = resumeClock(paused, at('2026-12-01T08:00:00Z'));
    clock = resumeClock(pauseClock(clock, at('2026-12-03T08:00:00Z'), '等待司法鉴定'), at('2026-12-06T08:00:00Z'));
    expect(iso(readClock(clock, policy, at('2026-12-06T08:00:00Z')).dueAt)).toBe('2026-12-14T08:00:00.000Z');
  });

  it.each([
    ['pausing twice', () => pauseClock(paused, at('2026-12-01T00:00:00Z'), 'again')],
    ['resuming a running clock', () => resumeClock(startClock('DECISION', received), at('2026-12-01T00:00:00Z'))],
    ['pausing without a reason', () => pauseClock(startClock('DECISION', received), at('2026-12-01T00:00:00Z'), ' ')],
    ['pausing a stopped clock', () => pauseClock(stopClock(startClock('DECISION', received), received), received, 'x')],
  ])('refuses %s', (_case, act) => {
    expect(act).toThrow();
  });
});

describe('restart on new facts', () => {
  it('runs the full allowance again from the new facts and forgets earlier pauses', () => {
    let clock = startClock('DECISION', at('2026-11-25T08:00:00Z'));
    clock = resumeClock(pauseClock(clock, at('2026-11-26T08:00:00Z'), '鉴定'), at('2026-11-28T08:00:00Z'));
    clock = restartClock(clock, at('2026-12-01T02:00:00Z'));
    expect(iso(readClock(clock, policy, at('2026-12-01T02:00:00Z')).dueAt)).toBe('2026-12-16T02:00:00.000Z');
  });
});

describe('extensions', () => {
  const clock = startClock('DECISION', at('2026-11-25T08:00:00Z'));

  it('records the reason and the senior approver', () => {
    const extended = extendClock(extendClock(clock, 'COMPLEX', '案情复杂', null), 'FURTHER', '特别复杂', '合规部 赵总监');
    expect(extended).toMatchObject({ extension: 'FURTHER', extensionReason: '特别复杂', approvedBy: '合规部 赵总监' });
  });

  it.each([
    ['a further extension first', () => extendClock(clock, 'FURTHER', '特别复杂', '赵总监'), 'follows the complex-case extension'],
    ['a further extension without an approver', () => extendClock(extendClock(clock, 'COMPLEX', '复杂', null), 'FURTHER', '特别复杂', null), 'approvedBy'],
    ['extending twice to complex', () => extendClock(extendClock(clock, 'COMPLEX', '复杂', null), 'COMPLEX', '复杂', null), 'already extended'],
    ['an extension without a reason', () => extendClock(clock, 'COMPLEX', '', null), 'reason'],
    ['extending the first-reply clock', () => extendClock(startClock('FIRST_REPLY', at('2026-11-25T08:00:00Z')), 'COMPLEX', 'x', null), 'Only the decision clock'],
  ])('refuses %s', (_case, act, message) => {
    expect(act).toThrow(message);
  });
});

describe('tenant clock policy', () => {
  const stricter: ClockPolicy = { firstReplyHours: 12, decisionDays: 10, complexDecisionDays: 20, furtherExtensionDays: 15, warningBeforeHours: 6 };

  it('accepts the regulatory policy itself', () => {
    expect(validateClockPolicy(REGULATORY_CLOCK_POLICY)).toEqual(REGULATORY_CLOCK_POLICY);
  });

  it('applies a stricter policy', () => {
    const clock = startClock('DECISION', at('2026-11-25T08:00:00Z'));
    expect(iso(readClock(clock, validateClockPolicy(stricter), at('2026-11-25T08:00:00Z')).dueAt)).toBe('2026-12-05T08:00:00.000Z');
    expect(iso(readClock(startClock('FIRST_REPLY', at('2026-11-25T08:00:00Z')), stricter, at('2026-11-25T08:00:00Z')).dueAt)).toBe('2026-11-25T20:00:00.000Z');
  });

  it.each([
    [{ decisionDays: 20 }, 'policy.decisionDays: 20 days is looser than the regulatory 15 days'],
    [{ firstReplyHours: 48 }, 'policy.firstReplyHours: 48 hours is looser'],
    [{ complexDecisionDays: 45 }, 'policy.complexDecisionDays: 45 days is looser'],
    [{ furtherExtensionDays: 31 }, 'policy.furtherExtensionDays'],
    [{ decisionDays: 0 }, 'policy.decisionDays: must be a whole number of at least 1'],
    [{ decisionDays: 7.5 }, 'policy.decisionDays: must be a whole number'],
    [{ decisionDays: 12, complexDecisionDays: 10 }, 'policy.complexDecisionDays: cannot be shorter than decisionDays'],
    [{ warningBeforeHours: 24 }, 'policy.warningBeforeHours'],
  ])('refuses %j', (change, message) => {
    expect(() => validateClockPolicy({ ...REGULATORY_CLOCK_POLICY, ...change })).toThrow(message);
  });
});
