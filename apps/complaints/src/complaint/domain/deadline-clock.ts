import { DomainError, ValidationError } from '@redress/domain-kit';
import type { ClockPolicy } from './clock-policy';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type ClockKind = 'FIRST_REPLY' | 'DECISION';
export type Extension = 'NONE' | 'COMPLEX' | 'FURTHER';
export type ClockState = 'RUNNING' | 'WARNING' | 'BREACHED' | 'PAUSED' | 'MET' | 'MISSED';

export interface ClockPause {
  from: Date;
  to: Date | null;
  /** Shown to the complainant: e.g. outside appraisal of a call recording. */
  reason: string;
}

/**
 * A regulatory clock as recorded: when it started (receipt, or the arrival of new facts), how far it
 * was extended, the pauses, and when it was stopped by the step it measures.
 */
export interface DeadlineClock {
  kind: ClockKind;
  startedAt: Date;
  extension: Extension;
  extensionReason: string | null;
  approvedBy: string | null;
  pauses: ClockPause[];
  stoppedAt: Date | null;
}

export interface ClockReading {
  kind: ClockKind;
  state: ClockState;
  /** When it falls due if nothing changes (while paused: if it resumed now). */
  dueAt: Date;
  /** Milliseconds until due; negative once breached; frozen while paused. */
  timeLeftMs: number;
  /** When the warning fires. */
  warnAt: Date;
  pausedSince: Date | null;
  pauseReason: string | null;
}

export function startClock(kind: ClockKind, at: Date): DeadlineClock {
  return { kind, startedAt: at, extension: 'NONE', extensionReason: null, approvedBy: null, pauses: [], stoppedAt: null };
}

function allowanceMs(clock: DeadlineClock, policy: ClockPolicy): number {
  if (clock.kind === 'FIRST_REPLY') return policy.firstReplyHours * HOUR;
  switch (clock.extension) {
    case 'NONE':
      return policy.decisionDays * DAY;
    case 'COMPLEX':
      return policy.complexDecisionDays * DAY;
    case 'FURTHER':
      return (policy.complexDecisionDays + policy.furtherExtensionDays) * DAY;
  }
}

function pausedMs(clock: DeadlineClock, until: Date): number {
  return clock.pauses.reduce((sum, p) => sum + Math.max(0, (p.to ?? until).getTime() - p.from.getTime()), 0);
}

/**
 * Reads a clock at `now`. Time spent paused does not count (outside appraisal or testing), so the
 * due time moves out by the length of every pause.
 */
export function readClock(clock: DeadlineClock, policy: ClockPolicy, now: Date): ClockReading {
  const until = clock.stoppedAt ?? now;
  const dueAt = new Date(clock.startedAt.getTime() + allowanceMs(clock, policy) + pausedMs(clock, until));
  const warnAt = new Date(dueAt.getTime() - policy.warningBeforeHours * HOUR);
  const open = clock.pauses.find((p) => p.to === null) ?? null;
  const timeLeftMs = dueAt.getTime() - until.getTime();
  let state: ClockState;
  if (clock.stoppedAt) state = timeLeftMs >= 0 ? 'MET' : 'MISSED';
  else if (open) state = 'PAUSED';
  else if (timeLeftMs < 0) state = 'BREACHED';
  else if (now.getTime() >= warnAt.getTime()) state = 'WARNING';
  else state = 'RUNNING';
  return { kind: clock.kind, state, dueAt, timeLeftMs, warnAt, pausedSince: open?.from ?? null, pauseReason: open?.reason ?? null };
}

export class ClockError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
    this.name = 'ClockError';
  }
}

function running(clock: DeadlineClock, what: string): void {
  if (clock.stoppedAt) throw new ClockError(`Cannot ${what}: the ${clock.kind} clock already stopped`);
}

export function pauseClock(clock: DeadlineClock, at: Date, reason: string): DeadlineClock {
  running(clock, 'pause');
  if (clock.pauses.some((p) => p.to === null)) throw new ClockError('The clock is already paused');
  if (!reason.trim()) throw new ValidationError('reason', 'is required: the complainant is told why the clock stopped');
  return { ...clock, pauses: [...clock.pauses, { from: at, to: null, reason: reason.trim() }] };
}

export function resumeClock(clock: DeadlineClock, at: Date): DeadlineClock {
  running(clock, 'resume');
  const open = clock.pauses.find((p) => p.to === null);
  if (!open) throw new ClockError('The clock is not paused');
  if (at < open.from) throw new ValidationError('at', 'is before the pause began');
  return { ...clock, pauses: clock.pauses.map((p) => (p === open ? { ...p, to: at } : p)) };
}

/** New facts restart the clock: the full allowance runs again from their arrival; old pauses no longer matter. */
export function restartClock(clock: DeadlineClock, at: Date): DeadlineClock {
  running(clock, 'restart');
  return { ...clock, startedAt: at, pauses: [] };
}

/**
 * Extends the decision clock: to the complex-case allowance with a reason, then once more for an
 * especially complex case with a senior approver, whose name is recorded.
 */
export function extendClock(clock: DeadlineClock, to: Exclude<Extension, 'NONE'>, reason: string, approvedBy: string | null): DeadlineClock {
  running(clock, 'extend');
  if (clock.kind !== 'DECISION') throw new ClockError('Only the decision clock can be extended');
  if (!reason.trim()) throw new ValidationError('reason', 'is required: the complainant is told why the decision takes longer');
  if (to === 'COMPLEX' && clock.extension !== 'NONE') throw new ClockError(`The clock is already extended (${clock.extension})`);
  if (to === 'FURTHER') {
    if (clock.extension !== 'COMPLEX') throw new ClockError('A further extension follows the complex-case extension, not before it');
    if (!approvedBy?.trim()) throw new ValidationError('approvedBy', 'is required: a further extension needs a senior approver');
  }
  return { ...clock, extension: to, extensionReason: reason.trim(), approvedBy: approvedBy?.trim() || null };
}

export function stopClock(clock: DeadlineClock, at: Date): DeadlineClock {
  running(clock, 'stop');
  const pauses = clock.pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
  return { ...clock, pauses, stoppedAt: at };
}
