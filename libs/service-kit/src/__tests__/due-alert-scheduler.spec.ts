import { createLogger } from '@redress/logger';
import { DueAlertScheduler } from '../due-alert-scheduler';

/** A scheduler over an in-memory list: what it raises once is not raised again, like a claimed alert row. */
class ListScheduler extends DueAlertScheduler<string> {
  readonly raised: string[] = [];
  scans = 0;
  failNextScan = false;

  constructor(
    private readonly due: string[],
    intervalMs = 10,
  ) {
    super(createLogger('test', 'silent'), { intervalMs, batchSize: 2, now: () => new Date('2026-11-25T00:00:00Z') }, 'test clock');
  }

  protected async findDue(_now: Date, limit: number): Promise<string[]> {
    this.scans += 1;
    if (this.failNextScan) {
      this.failNextScan = false;
      throw new Error('database restarting');
    }
    return this.due.filter((d) => !this.raised.includes(d)).slice(0, limit);
  }

  protected async raise(alert: string): Promise<boolean> {
    if (this.raised.includes(alert)) return false;
    this.raised.push(alert);
    return true;
  }
}

describe('DueAlertScheduler', () => {
  it('raises at most a batch per scan and counts what it raised', async () => {
    const scheduler = new ListScheduler(['a', 'b', 'c']);
    expect(await scheduler.raiseDueAlerts()).toBe(2);
    expect(await scheduler.raiseDueAlerts()).toBe(1);
    expect(await scheduler.raiseDueAlerts()).toBe(0);
    expect(scheduler.raised).toEqual(['a', 'b', 'c']);
  });

  it('survives a failed scan: the next one raises what is due', async () => {
    const scheduler = new ListScheduler(['a']);
    scheduler.failNextScan = true;
    scheduler.start();
    await new Promise((r) => setTimeout(r, 80));
    await scheduler.stop();
    expect(scheduler.raised).toEqual(['a']);
    expect(scheduler.scans).toBeGreaterThan(1);
  });

  it('stops scanning when stopped', async () => {
    const scheduler = new ListScheduler([]);
    scheduler.start();
    await scheduler.stop();
    const scans = scheduler.scans;
    await new Promise((r) => setTimeout(r, 50));
    expect(scheduler.scans).toBe(scans);
  });
});
