import type { ComplaintStep } from './complaint';

/**
 * Steps whose note is written for the complainant (why a complaint was declined, an extension, a
 * pause, a restart, a reopening, a merge); every other note — an assignment, a request to the review
 * group, what was carried out — is internal.
 */
const TOLD = new Set<ComplaintStep['action']>(['decline', 'withdraw', 'extendDecision', 'pauseClock', 'restartClock', 'reopen', 'mergeRepeat', 'merge']);

/** The note of a step as the complainant (and anyone outside the case team) may read it. */
export function noteForComplainant(step: Pick<ComplaintStep, 'action' | 'note'>): string | null {
  return TOLD.has(step.action) ? step.note : null;
}
