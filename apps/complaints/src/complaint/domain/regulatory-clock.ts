import { REGULATORY_CLOCK_POLICY, type ClockPolicy } from './clock-policy';
import { readClock, startClock } from './deadline-clock';

/** The due times a complaint starts with: its first-reply and decision clocks, read at receipt. */
export function initialDeadlines(
  receivedAt: Date,
  policy: ClockPolicy = REGULATORY_CLOCK_POLICY,
): { firstReplyDueAt: Date; decisionDueAt: Date } {
  return {
    firstReplyDueAt: readClock(startClock('FIRST_REPLY', receivedAt), policy, receivedAt).dueAt,
    decisionDueAt: readClock(startClock('DECISION', receivedAt), policy, receivedAt).dueAt,
  };
}
