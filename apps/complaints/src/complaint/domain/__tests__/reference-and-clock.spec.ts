import { formatReference } from '../reference-number';
import { initialDeadlines } from '../regulatory-clock';

describe('formatReference', () => {
  it.each([
    ['2026-11-25T08:00:00Z', 42, 'TS20261125-000042'],
    // 23:30 UTC on the 31st is already 1 January in China.
    ['2026-12-31T23:30:00Z', 1, 'TS20270101-000001'],
    ['2026-11-24T15:59:59Z', 999999, 'TS20261124-999999'],
  ])('%s #%i → %s', (at, seq, expected) => {
    expect(formatReference(new Date(at), seq)).toBe(expected);
  });
});

describe('initialDeadlines', () => {
  it.each([
    ['2026-11-25T08:00:00.000Z', '2026-11-26T08:00:00.000Z', '2026-12-10T08:00:00.000Z'],
    ['2026-12-20T10:00:00.000Z', '2026-12-21T10:00:00.000Z', '2027-01-04T10:00:00.000Z'],
    ['2028-02-20T00:00:00.000Z', '2028-02-21T00:00:00.000Z', '2028-03-06T00:00:00.000Z'],
  ])('received %s → first reply %s, decision %s', (received, firstReply, decision) => {
    const due = initialDeadlines(new Date(received));
    expect(due.firstReplyDueAt.toISOString()).toBe(firstReply);
    expect(due.decisionDueAt.toISOString()).toBe(decision);
  });
});
