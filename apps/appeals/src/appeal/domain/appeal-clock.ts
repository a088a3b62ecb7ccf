export type AppealClockState = 'RUNNING' | 'WARNING' | 'BREACHED' | 'MET' | 'MISSED';

/** Reads an appeal's decision clock at `now`: it stops when the appeal is decided or withdrawn. */
export function readAppealClock(dueAt: Date, warningHours: number, stoppedAt: Date | null, now: Date): { state: AppealClockState; timeLeftMs: number } {
  const until = stoppedAt ?? now;
  const timeLeftMs = dueAt.getTime() - until.getTime();
  if (stoppedAt) return { state: timeLeftMs >= 0 ? 'MET' : 'MISSED', timeLeftMs };
  if (timeLeftMs < 0) return { state: 'BREACHED', timeLeftMs };
  return { state: timeLeftMs <= warningHours * 3_600_000 ? 'WARNING' : 'RUNNING', timeLeftMs };
}
