import type { Complaint, ComplaintStep } from './complaint';
import { REGULATORY_CLOCK_POLICY, type ClockPolicy } from './clock-policy';
import { readClock, startClock, stopClock, type ClockReading } from './deadline-clock';

/** The steps that give the first reply: the complainant is told whether the complaint is accepted. */
const FIRST_REPLY_STEPS = new Set(['accept', 'decline', 'withdraw', 'merge']);
/** The steps that end the decision clock: a resolution proposed, or the case ended otherwise. */
const DECISION_STEPS = new Set(['proposeResolution', 'decline', 'withdraw', 'merge']);

/**
 * The complaint's regulatory clocks as they stand at `now`, from its receipt and its timeline.
 * Pauses and extensions are not recorded yet (issue 3), so the clocks run on the base allowance.
 */
export function clocksOf(complaint: Complaint, steps: ComplaintStep[], now: Date, policy: ClockPolicy = REGULATORY_CLOCK_POLICY): ClockReading[] {
  const stoppedBy = (actions: Set<string>) => steps.find((s) => actions.has(s.action))?.at ?? null;
  return (
    [
      ['FIRST_REPLY', stoppedBy(FIRST_REPLY_STEPS)],
      ['DECISION', stoppedBy(DECISION_STEPS)],
    ] as const
  ).map(([kind, stoppedAt]) => {
    const clock = startClock(kind, complaint.receivedAt);
    return readClock(stoppedAt ? stopClock(clock, stoppedAt) : clock, policy, now);
  });
}
