import { MEDIATION_CLOCK_POLICY } from './case-policy';
import { OPEN_STATUSES, pendingProposal, type MediationCase } from './mediation-case';

export type CaseClockKind = 'ACCEPTANCE_REVIEW' | 'PROPOSAL_REPLY' | 'CASE' | 'SPECIALIST_REPLY';
export type ClockState = 'RUNNING' | 'WARNING' | 'BREACHED' | 'MET' | 'MISSED';

export interface CaseClock {
  kind: CaseClockKind;
  dueAt: Date;
  state: ClockState;
  timeLeftMs: number;
}

function state(dueAt: Date, metAt: Date | null, now: Date): ClockState {
  if (metAt) return metAt.getTime() <= dueAt.getTime() ? 'MET' : 'MISSED';
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'BREACHED';
  return left <= MEDIATION_CLOCK_POLICY.warningBeforeHours * 3_600_000 ? 'WARNING' : 'RUNNING';
}

/** Each clock of the case: when it is due, whether it was met, and the time left. */
export function clocksOf(c: MediationCase, now: Date): CaseClock[] {
  const clocks: CaseClock[] = [];
  const add = (kind: CaseClockKind, dueAt: Date | null, metAt: Date | null) => {
    if (!dueAt) return;
    clocks.push({ kind, dueAt, state: state(dueAt, metAt, now), timeLeftMs: metAt ? 0 : dueAt.getTime() - now.getTime() });
  };
  add('ACCEPTANCE_REVIEW', c.acceptanceDueAt, c.review?.at ?? (c.status === 'WITHDRAWN' ? c.outcome?.at ?? null : null));
  add('SPECIALIST_REPLY', c.specialistReplyDueAt, c.specialistRepliedAt);
  const pending = pendingProposal(c);
  if (pending) add('PROPOSAL_REPLY', pending.replyDueAt, null);
  const last = c.proposals.at(-1);
  if (!pending && last?.answer) add('PROPOSAL_REPLY', last.replyDueAt, last.answer.at);
  add('CASE', c.caseDueAt, OPEN_STATUSES.includes(c.status) ? null : c.outcome?.at ?? c.timeline.at(-1)!.at);
  return clocks;
}
