import { DomainError } from '@redress/domain-kit';
import { addDays, localDay, startOfDay } from './tenant-calendar';

/**
 * The appeal window of one decision (DOMAIN.md: 30 days from receiving the decision for 核查).
 * The day of receipt is day 0; the window's last day is `windowDays` days later, counted in the
 * tenant's time zone, and it includes the whole of that day. The day after is out.
 */
export interface AppealWindow {
  receivedOn: string;
  lastDay: string;
  /** The first instant at which an appeal is late: local midnight after the last day. */
  closesAt: Date;
}

export function appealWindow(receivedAt: Date, windowDays: number, timeZone: string): AppealWindow {
  const receivedOn = localDay(receivedAt, timeZone);
  const lastDay = addDays(receivedOn, windowDays);
  return { receivedOn, lastDay, closesAt: startOfDay(addDays(lastDay, 1), timeZone) };
}

/** A late appeal, refused with the reason and the day the window closed. */
export class AppealWindowClosedError extends DomainError {
  constructor(window: AppealWindow, windowDays: number, timeZone: string) {
    super(
      'CONFLICT',
      `The appeal is late: the window of ${windowDays} days from receiving the decision on ${window.receivedOn} closed at the end of ` +
        `${window.lastDay} (${timeZone}). The borrower may still turn to the external routes (externalRoutes).`,
      {
        field: 'input.decisionId',
        reason: 'APPEAL_WINDOW_CLOSED',
        windowLastDay: window.lastDay,
        windowClosedAt: window.closesAt.toISOString(),
        timeZone,
      },
    );
    this.name = 'AppealWindowClosedError';
  }
}

export type AnnouncedWindow = Pick<AppealWindow, 'lastDay' | 'closesAt'>;

/**
 * The window that applies: the current policy's, or the one announced when the decision was
 * received if that is later — a borrower is never cut short by a later change of policy.
 */
export function effectiveWindow(receivedAt: Date, windowDays: number, timeZone: string, announced: AnnouncedWindow | null): AppealWindow {
  const current = appealWindow(receivedAt, windowDays, timeZone);
  return announced && announced.closesAt.getTime() > current.closesAt.getTime() ? { ...current, ...announced } : current;
}

export function assertWithinWindow(
  receivedAt: Date,
  filedAt: Date,
  windowDays: number,
  timeZone: string,
  announced: AnnouncedWindow | null = null,
): AppealWindow {
  const window = effectiveWindow(receivedAt, windowDays, timeZone, announced);
  if (filedAt.getTime() >= window.closesAt.getTime()) throw new AppealWindowClosedError(window, windowDays, timeZone);
  return window;
}

/** An appeal's decision falls due at the end of the `decisionDays`-th day after filing, tenant time. */
export function appealDecisionDueAt(filedAt: Date, decisionDays: number, timeZone: string): Date {
  return startOfDay(addDays(localDay(filedAt, timeZone), decisionDays + 1), timeZone);
}
