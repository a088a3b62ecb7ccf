import type { Logger } from '@redress/logger';

export interface DueAlertSchedulerOptions {
  /** How often to look for due alerts. */
  intervalMs: number;
  /** At most this many alerts per scan (the rest wait for the next). */
  batchSize?: number;
  now?: () => Date;
}

/**
 * The scan loop every clock-alert scheduler shares: every `intervalMs`, find what is due and raise
 * each alert, one scan at a time, a failed scan logged and retried by the next. The subclass says
 * what is due (`findDue`, usually a SECURITY DEFINER finder across tenants) and how one alert is
 * raised (`raise`, which claims the alert row and writes its event in one tenant transaction, so a
 * restart or a second instance never raises it twice). State lives in the database, not here.
 */
export abstract class DueAlertScheduler<A> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  protected constructor(
    protected readonly logger: Logger,
    private readonly schedule: DueAlertSchedulerOptions,
    private readonly what: string,
  ) {}

  /** The alerts due at `now`, at most `limit` of them. */
  protected abstract findDue(now: Date, limit: number): Promise<A[]>;

  /** Raises one alert; false when it was raised already (by another instance, or before a restart). */
  protected abstract raise(alert: A, now: Date): Promise<boolean>;

  start(): void {
    this.timer = setInterval(() => this.tick(), this.schedule.intervalMs);
    this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One scan; returns how many alerts were raised. */
  async raiseDueAlerts(): Promise<number> {
    const now = (this.schedule.now ?? (() => new Date()))();
    let raised = 0;
    for (const alert of await this.findDue(now, this.schedule.batchSize ?? 200)) {
      if (await this.raise(alert, now)) raised += 1;
    }
    return raised;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.raiseDueAlerts()
      .then(() => undefined)
      .catch((error) => this.logger.warn({ err: error }, `${this.what} scan failed; the next scan retries`))
      .finally(() => {
        this.running = null;
      });
  }
}
