import { sleep } from './stats';

export interface LoadResult {
  ok: number;
  failed: number;
  /** Latency of each successful request, in milliseconds. */
  latenciesMs: number[];
  /** From the first send to the last answer. */
  elapsedMs: number;
  /** A few distinct error messages, to tell what went wrong without flooding the output. */
  errors: string[];
}

type Send = (n: number) => Promise<unknown>;

function recorder() {
  const result: LoadResult = { ok: 0, failed: 0, latenciesMs: [], elapsedMs: 0, errors: [] };
  return {
    result,
    ok(ms: number) {
      result.ok += 1;
      result.latenciesMs.push(ms);
    },
    fail(error: unknown) {
      result.failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      if (result.errors.length < 5 && !result.errors.includes(message)) result.errors.push(message);
    },
    // A broken platform would otherwise be hammered for the whole duration.
    hopeless: () => result.failed > 50 && result.failed > result.ok,
  };
}

/**
 * Closed loop: `concurrency` workers, each sending its next request as soon as the previous one
 * answers, until the duration or the request count runs out. Measures the maximum rate.
 */
export async function closedLoop(opts: { concurrency: number; durationMs: number; maxRequests: number; firstN?: number; send: Send }) {
  const rec = recorder();
  const start = performance.now();
  const deadline = start + opts.durationMs;
  let issued = 0;
  const worker = async () => {
    while (performance.now() < deadline && issued < opts.maxRequests && !rec.hopeless()) {
      const n = (opts.firstN ?? 0) + issued++;
      const t = performance.now();
      try {
        await opts.send(n);
        rec.ok(performance.now() - t);
      } catch (error) {
        rec.fail(error);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  rec.result.elapsedMs = performance.now() - start;
  return rec.result;
}

/**
 * Open loop: request i is sent at start + i/rate whether or not earlier ones have answered, as
 * independent clients would. Latency counts from the scheduled time, so a stalled sender shows up
 * in the figures instead of hiding (coordinated omission). `maxInFlight` only guards the machine.
 */
export async function openLoop(opts: { ratePerSec: number; durationMs: number; maxInFlight: number; firstN?: number; send: Send }) {
  const rec = recorder();
  const total = Math.max(1, Math.floor((opts.ratePerSec * opts.durationMs) / 1000));
  const intervalMs = 1000 / opts.ratePerSec;
  const inFlight = new Set<Promise<void>>();
  let skipped = 0;
  const start = performance.now();
  for (let i = 0; i < total && !rec.hopeless(); i += 1) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    if (inFlight.size >= opts.maxInFlight) {
      skipped += 1;
      continue;
    }
    const p: Promise<void> = opts
      .send((opts.firstN ?? 0) + i)
      .then(
        () => rec.ok(performance.now() - due),
        (error) => rec.fail(error),
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  rec.result.elapsedMs = performance.now() - start;
  return { ...rec.result, scheduled: total, skipped };
}
