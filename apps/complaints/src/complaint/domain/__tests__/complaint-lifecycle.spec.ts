import {
  actionsAvailable,
  allowedTransitions,
  COMPLAINT_STATUSES,
  nextStatus,
  TransitionNotAllowedError,
  type ComplaintAction,
  type ComplaintStatus,
} from '../complaint-lifecycle';

/** Every allowed transition, written out by hand: the specification the table in the code must match. */
const EXPECTED: [ComplaintStatus, ComplaintAction, ComplaintStatus][] = [
    ['RECEIVED', 'accept', 'ACCEPTED'],
    ['RECEIVED', 'decline', 'NOT_ACCEPTED'],
    ['ACCEPTED', 'assign', 'ASSIGNED'],
    ['ASSIGNED', 'assign', 'ASSIGNED'],
    ['INVESTIGATING', 'assign', 'INVESTIGATING'],
    ['UNDER_REVIEW', 'assign', 'UNDER_REVIEW'],
    ['ASSIGNED', 'startInvestigation', 'INVESTIGATING'],
    ['INVESTIGATING', 'requestReview', 'UNDER_REVIEW'],
    ['UNDER_REVIEW', 'completeReview', 'INVESTIGATING'],
    ['INVESTIGATING', 'proposeResolution', 'RESOLUTION_PROPOSED'],
    ['RESOLUTION_PROPOSED', 'acceptResolution', 'RESOLUTION_ACCEPTED'],
    ['RESOLUTION_PROPOSED', 'rejectResolution', 'INVESTIGATING'],
    ['RESOLUTION_ACCEPTED', 'carryOut', 'RESOLVED'],
    ['RESOLVED', 'recordFollowUp', 'FOLLOWED_UP'],
    ['FOLLOWED_UP', 'close', 'CLOSED'],
    ['NOT_ACCEPTED', 'close', 'CLOSED'],
    ['RECEIVED', 'withdraw', 'WITHDRAWN'],
    ['ACCEPTED', 'withdraw', 'WITHDRAWN'],
    ['ASSIGNED', 'withdraw', 'WITHDRAWN'],
    ['INVESTIGATING', 'withdraw', 'WITHDRAWN'],
    ['UNDER_REVIEW', 'withdraw', 'WITHDRAWN'],
    ['RESOLUTION_PROPOSED', 'withdraw', 'WITHDRAWN'],
    ['RESOLUTION_ACCEPTED', 'withdraw', 'WITHDRAWN'],
    ['RECEIVED', 'merge', 'MERGED'],
    ['ACCEPTED', 'merge', 'MERGED'],
    ['ASSIGNED', 'merge', 'MERGED'],
    ['INVESTIGATING', 'merge', 'MERGED'],
    ['UNDER_REVIEW', 'merge', 'MERGED'],
    ['RESOLUTION_PROPOSED', 'merge', 'MERGED'],
    ['RESOLUTION_ACCEPTED', 'merge', 'MERGED'],
    ['CLOSED', 'archive', 'ARCHIVED'],
    ['WITHDRAWN', 'archive', 'ARCHIVED'],
    ['MERGED', 'archive', 'ARCHIVED'],
    // The decision clock's own steps keep the status, while the decision is pending.
    ['RECEIVED', 'extendDecision', 'RECEIVED'],
    ['RECEIVED', 'pauseClock', 'RECEIVED'],
    ['RECEIVED', 'resumeClock', 'RECEIVED'],
    ['RECEIVED', 'restartClock', 'RECEIVED'],
    ['ACCEPTED', 'extendDecision', 'ACCEPTED'],
    ['ACCEPTED', 'pauseClock', 'ACCEPTED'],
    ['ACCEPTED', 'resumeClock', 'ACCEPTED'],
    ['ACCEPTED', 'restartClock', 'ACCEPTED'],
    ['ASSIGNED', 'extendDecision', 'ASSIGNED'],
    ['ASSIGNED', 'pauseClock', 'ASSIGNED'],
    ['ASSIGNED', 'resumeClock', 'ASSIGNED'],
    ['ASSIGNED', 'restartClock', 'ASSIGNED'],
    ['INVESTIGATING', 'extendDecision', 'INVESTIGATING'],
    ['INVESTIGATING', 'pauseClock', 'INVESTIGATING'],
    ['INVESTIGATING', 'resumeClock', 'INVESTIGATING'],
    ['INVESTIGATING', 'restartClock', 'INVESTIGATING'],
    ['UNDER_REVIEW', 'extendDecision', 'UNDER_REVIEW'],
    ['UNDER_REVIEW', 'pauseClock', 'UNDER_REVIEW'],
    ['UNDER_REVIEW', 'resumeClock', 'UNDER_REVIEW'],
    ['UNDER_REVIEW', 'restartClock', 'UNDER_REVIEW'],
    // A repeat complaint merged into an open one.
    ['RECEIVED', 'mergeRepeat', 'RECEIVED'],
    ['ACCEPTED', 'mergeRepeat', 'ACCEPTED'],
    ['ASSIGNED', 'mergeRepeat', 'ASSIGNED'],
    ['INVESTIGATING', 'mergeRepeat', 'INVESTIGATING'],
    ['UNDER_REVIEW', 'mergeRepeat', 'UNDER_REVIEW'],
    ['RESOLUTION_PROPOSED', 'mergeRepeat', 'RESOLUTION_PROPOSED'],
    ['RESOLUTION_ACCEPTED', 'mergeRepeat', 'RESOLUTION_ACCEPTED'],
    // An upheld appeal reopens a decided case.
    ['RESOLUTION_PROPOSED', 'reopen', 'INVESTIGATING'],
    ['RESOLUTION_ACCEPTED', 'reopen', 'INVESTIGATING'],
    ['RESOLVED', 'reopen', 'INVESTIGATING'],
    ['FOLLOWED_UP', 'reopen', 'INVESTIGATING'],
    ['CLOSED', 'reopen', 'INVESTIGATING'],
];

describe('complaint lifecycle', () => {
  it.each(EXPECTED)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('allows nothing beyond the table above', () => {
    const key = (t: { from: string; action: string; to: string }) => `${t.from} ${t.action} ${t.to}`;
    expect(allowedTransitions().map(key).sort()).toEqual(EXPECTED.map(([from, action, to]) => key({ from, action, to })).sort());
  });

  it.each<[ComplaintStatus, ComplaintAction]>([
    ['RECEIVED', 'proposeResolution'],
    ['RECEIVED', 'assign'],
    ['ACCEPTED', 'accept'],
    ['NOT_ACCEPTED', 'withdraw'],
    ['RESOLVED', 'withdraw'],
    ['INVESTIGATING', 'carryOut'],
    ['RESOLUTION_PROPOSED', 'close'],
    ['CLOSED', 'withdraw'],
    ['CLOSED', 'accept'],
    ['ARCHIVED', 'archive'],
    ['MERGED', 'merge'],
    ['WITHDRAWN', 'accept'],
    ['RESOLUTION_PROPOSED', 'extendDecision'],
    ['CLOSED', 'pauseClock'],
    ['ARCHIVED', 'reopen'],
    ['INVESTIGATING', 'reopen'],
  ])('refuses to %2$s a complaint that is %1$s, naming both states', (from, action) => {
    let error: unknown;
    try {
      nextStatus(from, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransitionNotAllowedError);
    const conflict = error as TransitionNotAllowedError;
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain(from);
    expect(conflict.details['currentStatus']).toBe(from);
    expect(conflict.message).toMatch(/allowed only when it is [A-Z_]/);
  });

  it('never offers the platform\'s own steps (merging a repeat, reopening) to staff', () => {
    for (const status of COMPLAINT_STATUSES) {
      expect(actionsAvailable(status)).not.toEqual(expect.arrayContaining(['mergeRepeat']));
      expect(actionsAvailable(status)).not.toEqual(expect.arrayContaining(['reopen']));
    }
  });

  it('leaves ARCHIVED with nothing to do', () => {
    expect(actionsAvailable('ARCHIVED')).toEqual([]);
  });

  it('gives every state but ARCHIVED a way forward', () => {
    for (const status of COMPLAINT_STATUSES.filter((s) => s !== 'ARCHIVED')) {
      expect(actionsAvailable(status).length).toBeGreaterThan(0);
    }
  });
});
