import type { Complaint, ComplaintStep } from '../complaint';
import { clocksOf } from '../complaint-clocks';

const receivedAt = new Date('2026-11-25T08:00:00Z');
const complaint = { receivedAt } as Complaint;
const step = (action: ComplaintStep['action'], at: string) => ({ action, at: new Date(at) }) as ComplaintStep;
const read = (steps: ComplaintStep[], now: string) =>
  clocksOf(complaint, steps, new Date(now)).map((c) => `${c.kind}:${c.state}`);

describe('clocksOf', () => {
  it.each([
    ['just received', [], '2026-11-25T09:00:00Z', ['FIRST_REPLY:RUNNING', 'DECISION:RUNNING']],
    ['first reply nearly due', [], '2026-11-26T05:00:00Z', ['FIRST_REPLY:WARNING', 'DECISION:RUNNING']],
    ['no reply for two days', [], '2026-11-27T08:00:00Z', ['FIRST_REPLY:BREACHED', 'DECISION:RUNNING']],
    ['accepted in time', [step('accept', '2026-11-25T10:00:00Z')], '2026-11-27T08:00:00Z', ['FIRST_REPLY:MET', 'DECISION:RUNNING']],
    ['accepted late', [step('accept', '2026-11-26T10:00:00Z')], '2026-11-27T08:00:00Z', ['FIRST_REPLY:MISSED', 'DECISION:RUNNING']],
    [
      'resolution proposed in time',
      [step('accept', '2026-11-25T10:00:00Z'), step('proposeResolution', '2026-12-05T10:00:00Z')],
      '2026-12-20T00:00:00Z',
      ['FIRST_REPLY:MET', 'DECISION:MET'],
    ],
    ['decision overdue', [step('accept', '2026-11-25T10:00:00Z')], '2026-12-11T00:00:00Z', ['FIRST_REPLY:MET', 'DECISION:BREACHED']],
    ['declined: both clocks end', [step('decline', '2026-11-25T12:00:00Z')], '2027-01-01T00:00:00Z', ['FIRST_REPLY:MET', 'DECISION:MET']],
  ])('%s', (_case, steps, now, expected) => {
    expect(read(steps, now)).toEqual(expected);
  });
});
