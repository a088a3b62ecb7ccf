import type { Complaint, ComplaintStep } from '../complaint';
import { clocksOf } from '../complaint-clocks';
import { REGULATORY_CLOCK_POLICY } from '../clock-policy';
import { pauseClock, startClock, stopClock, type DeadlineClock } from '../deadline-clock';

const receivedAt = new Date('2026-11-25T08:00:00Z');
const running = startClock('DECISION', receivedAt);
const complaintWith = (decisionClock: DeadlineClock) => ({ receivedAt, decisionClock, clockPolicy: REGULATORY_CLOCK_POLICY }) as Complaint;
const step = (action: ComplaintStep['action'], at: string) => ({ action, at: new Date(at) }) as ComplaintStep;
const read = (clock: DeadlineClock, steps: ComplaintStep[], now: string) =>
  clocksOf(complaintWith(clock), steps, new Date(now)).map((c) => `${c.kind}:${c.state}`);

describe('clocksOf', () => {
  it.each<[string, DeadlineClock, ComplaintStep[], string, string[]]>([
    ['just received', running, [], '2026-11-25T09:00:00Z', ['FIRST_REPLY:RUNNING', 'DECISION:RUNNING']],
    ['first reply nearly due', running, [], '2026-11-26T05:00:00Z', ['FIRST_REPLY:WARNING', 'DECISION:RUNNING']],
    ['no reply for two days', running, [], '2026-11-27T08:00:00Z', ['FIRST_REPLY:BREACHED', 'DECISION:RUNNING']],
    ['accepted in time', running, [step('accept', '2026-11-25T10:00:00Z')], '2026-11-27T08:00:00Z', ['FIRST_REPLY:MET', 'DECISION:RUNNING']],
    ['accepted late', running, [step('accept', '2026-11-26T10:00:00Z')], '2026-11-27T08:00:00Z', ['FIRST_REPLY:MISSED', 'DECISION:RUNNING']],
    [
      'resolution proposed in time',
      stopClock(running, new Date('2026-12-05T10:00:00Z')),
      [step('accept', '2026-11-25T10:00:00Z'), step('proposeResolution', '2026-12-05T10:00:00Z')],
      '2026-12-20T00:00:00Z',
      ['FIRST_REPLY:MET', 'DECISION:MET'],
    ],
    ['decision overdue', running, [step('accept', '2026-11-25T10:00:00Z')], '2026-12-11T00:00:00Z', ['FIRST_REPLY:MET', 'DECISION:BREACHED']],
    [
      'paused for an outside appraisal: not breached while paused',
      pauseClock(running, new Date('2026-12-01T00:00:00Z'), '委托第三方鉴定通话录音'),
      [step('accept', '2026-11-25T10:00:00Z')],
      '2026-12-20T00:00:00Z',
      ['FIRST_REPLY:MET', 'DECISION:PAUSED'],
    ],
    [
      'declined: both clocks end',
      stopClock(running, new Date('2026-11-25T12:00:00Z')),
      [step('decline', '2026-11-25T12:00:00Z')],
      '2027-01-01T00:00:00Z',
      ['FIRST_REPLY:MET', 'DECISION:MET'],
    ],
  ])('%s', (_case, clock, steps, now, expected) => {
    expect(read(clock, steps, now)).toEqual(expected);
  });

  it('reads both clocks under the stricter policy the complaint was received under', () => {
    const strict = { ...REGULATORY_CLOCK_POLICY, firstReplyHours: 8, decisionDays: 10, warningBeforeHours: 2 };
    const [firstReply, decision] = clocksOf({ receivedAt, decisionClock: running, clockPolicy: strict } as Complaint, [], new Date('2026-11-25T09:00:00Z'));
    expect(firstReply!.dueAt.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(decision!.dueAt.toISOString()).toBe('2026-12-05T08:00:00.000Z');
  });
});
