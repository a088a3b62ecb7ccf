import type { Complaint, ComplaintStep } from './complaint';
import { readClock, startClock, stopClock, type ClockReading } from './deadline-clock';

/** The steps that give the first reply: the complainant is told whether the complaint is accepted. */
const FIRST_REPLY_STEPS = new Set(['accept', 'decline', 'withdraw', 'merge']);

/**
 * The complaint's regulatory clocks as they stand at `now`: the first reply, read from the
 * timeline, and the decision clock as recorded with its extensions, pauses and restarts — both
 * under the clock policy the complaint was received under.
 */
export function clocksOf(complaint: Complaint, steps: ComplaintStep[], now: Date): ClockReading[] {
  const repliedAt = steps.find((s) => FIRST_REPLY_STEPS.has(s.action))?.at ?? null;
  const firstReply = startClock('FIRST_REPLY', complaint.receivedAt);
  return [
    readClock(repliedAt ? stopClock(firstReply, repliedAt) : firstReply, complaint.clockPolicy, now),
    readClock(complaint.decisionClock, complaint.clockPolicy, now),
  ];
}
