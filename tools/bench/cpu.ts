import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time per kind of process on this machine, from /proc (Linux only; empty elsewhere). Tells
 * whether a phase was CPU-bound on the two cores and which process spent them.
 */
type Snapshot = { pids: Map<number, { group: string; ticks: number }>; busyTicks: number };

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5_000 }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function groupOf(pid: number, ppid: number, cmdline: string): string | null {
  if (pid === process.pid) return 'bench';
  // Only this run's services: a dev platform or a test run beside it counts as "other".
  const app = /dist\/apps\/([a-z-]+)\/main\.cjs/.exec(cmdline);
  if (app) return ppid === process.pid ? app[1]! : null;
  if (/(^|\/)postgres(\0|:| |$)/.test(cmdline) || cmdline.startsWith('postgres:')) return 'postgres';
  if (cmdline.includes('java') && cmdline.toLowerCase().includes('kafka')) return 'kafka';
  return null;
}

/** Busy ticks of the whole machine (all CPUs), from the first line of /proc/stat. */
function machineBusyTicks(): number {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'latin1').split('\n')[0]!.trim().split(/\s+/).map(Number);
    return user! + nice! + system! + irq! + softirq! + steal!;
  } catch {
    return Number.NaN;
  }
}

function snapshot(): Snapshot {
  const result: Snapshot = { pids: new Map(), busyTicks: machineBusyTicks() };
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return result;
  }
  for (const d of pids) {
    try {
      const pid = Number(d);
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const stat = readFileSync(`/proc/${d}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const group = groupOf(pid, Number(fields[1]), readFileSync(`/proc/${d}/cmdline`, 'latin1'));
      if (!group) continue;
      result.pids.set(pid, { group, ticks: Number(fields[11]) + Number(fields[12]) }); // utime + stime
    } catch {
      // The process ended while being read.
    }
  }
  return result;
}

/**
 * Starts measuring; the returned function gives cores used per group since then, largest first.
 * "other" is the rest of the machine (other people's builds and tests, the kernel): when it is
 * large, the run's figures are not those of a quiet machine.
 */
export function cpuMeter(): () => Record<string, number> {
  const before = snapshot();
  const t0 = performance.now();
  return () => {
    const after = snapshot();
    const seconds = (performance.now() - t0) / 1000;
    const byGroup = new Map<string, number>();
    let ours = 0;
    for (const [pid, a] of after.pids) {
      // A process born during the phase (a new PostgreSQL backend) counts with all its time. One
      // that ended during it is lost to "other": read the meter before closing connections.
      const b = before.pids.get(pid);
      const ticks = b && b.group === a.group ? a.ticks - b.ticks : a.ticks;
      byGroup.set(a.group, (byGroup.get(a.group) ?? 0) + ticks);
      ours += ticks;
    }
    const other = after.busyTicks - before.busyTicks - ours;
    if (other > 0) byGroup.set('other', other);
    const entries = [...byGroup].map(([g, ticks]) => [g, Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100] as const);
    return Object.fromEntries(entries.filter(([, cores]) => cores > 0).sort((x, y) => y[1] - x[1]));
  };
}
