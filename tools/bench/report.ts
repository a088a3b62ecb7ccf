import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '@redress/devkit';
import type { MachineInfo } from './machine';
import type { Distribution } from './stats';

export const GOALS = { relayToBareRatioAtLeast: 0.5, noticeLatencyP99AtMostMs: 250 } as const;

/** CPU cores used per process group during a phase (1.0 = one core busy all the time). */
type Cores = Record<string, number>;

export interface BenchSummary {
  startedAt: string;
  wallSeconds: number;
  namespace: string;
  machine: MachineInfo;
  relay: {
    messages: number;
    batchSize: number;
    keys: number;
    valueBytesAvg: number;
    bareMsgsPerSec: number;
    relayMsgsPerSec: number;
    relaySendShare: number;
    ratio: number;
    ratioGoalMet: boolean;
    rounds: { bareMsgsPerSec: number; relayMsgsPerSec: number; relaySendShare: number; relayBatches: number }[];
    cpuCoresBare: Cores;
    cpuCoresRelay: Cores;
  };
  intake: {
    concurrency: number;
    durationSeconds: number;
    tenants: number;
    ok: number;
    failed: number;
    reqPerSec: number;
    latencyMs: Distribution;
    errors: string[];
    cpuCores: Cores;
  };
  noticeLatency: {
    targetReqPerSec: number;
    durationSeconds: number;
    scheduled: number;
    skipped: number;
    ok: number;
    failed: number;
    achievedReqPerSec: number;
    mutationLatencyMs: Distribution;
    complaints: number;
    notices: number;
    latencyMs: Distribution;
    p99GoalMet: boolean;
    errors: string[];
    cpuCores: Cores;
  };
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const cores = (c: Cores) => {
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  return `${total.toFixed(2)} = ${Object.entries(c).map(([g, v]) => `${g} ${v.toFixed(2)}`).join(', ')}`;
};

export function formatSummary(s: BenchSummary): string {
  const m = s.machine;
  const r = s.relay;
  const i = s.intake;
  const l = s.noticeLatency;
  return [
    '',
    '==================== Redress events benchmark: summary ====================',
    `run            ${s.startedAt}, ${s.wallSeconds.toFixed(0)} s wall, namespace ${s.namespace}`,
    `machine        ${m.cpus} CPUs, ${m.totalMemoryGiB} GiB RAM, ${m.cpuModel}`,
    `software       Node ${m.node}; Kafka ${m.kafka} (1 broker, loopback); ${m.postgres}`,
    '',
    `1. intake      fileComplaint through the gateway, ${i.concurrency} in flight for ${i.durationSeconds} s, ${i.tenants} tenants`,
    `               ${i.reqPerSec.toFixed(1)} req/s   latency p50 ${ms(i.latencyMs.p50)}, p99 ${ms(i.latencyMs.p99)}, max ${ms(i.latencyMs.max)}   (${i.ok} ok, ${i.failed} failed)`,
    `               CPU cores used: ${cores(i.cpuCores)}`,
    '',
    `2. relay       ${n0(r.messages)} msgs of ~${r.valueBytesAvg} B over ${n0(r.keys)} keys, batches of ${r.batchSize}, acks=-1, 3 partitions (mean of ${r.rounds.length} rounds)`,
    `               bare kafkajs sendBatch  ${n0(r.bareMsgsPerSec)} msgs/s   [${r.rounds.map((x) => n0(x.bareMsgsPerSec)).join(', ')}]`,
    `               OutboxRelay             ${n0(r.relayMsgsPerSec)} msgs/s   [${r.rounds.map((x) => n0(x.relayMsgsPerSec)).join(', ')}]  (${(r.relaySendShare * 100).toFixed(0)}% of its time in producer.send)`,
    `               ratio relay/bare        ${r.ratio.toFixed(3)}   goal >= ${GOALS.relayToBareRatioAtLeast}: ${met(r.ratioGoalMet)}`,
    `               CPU cores used (last round), bare:  ${cores(r.cpuCoresBare)}`,
    `               CPU cores used (last round), relay: ${cores(r.cpuCoresRelay)}`,
    '',
    `3. commit->notice at ${l.targetReqPerSec.toFixed(1)} req/s (half of max intake), open loop for ${l.durationSeconds} s: ${l.ok} filed (${l.achievedReqPerSec.toFixed(1)} req/s), ${l.failed} failed, ${l.skipped} skipped`,
    `               notice.created_at - complaint.received_at over ${l.latencyMs.count} complaints (${l.notices} notices / ${l.complaints} complaints):`,
    `               p50 ${ms(l.latencyMs.p50)}, p95 ${ms(l.latencyMs.p95)}, p99 ${ms(l.latencyMs.p99)}, max ${ms(l.latencyMs.max)}   goal p99 <= ${GOALS.noticeLatencyP99AtMostMs} ms: ${met(l.p99GoalMet)}`,
    `               mutation latency at that rate: p50 ${ms(l.mutationLatencyMs.p50)}, p99 ${ms(l.mutationLatencyMs.p99)}`,
    `               CPU cores used: ${cores(l.cpuCores)}`,
    ...noiseWarnings(s),
    '===========================================================================',
  ].join('\n');
}

/** Flags phases during which processes outside the benchmark kept the shared cores busy. */
function noiseWarnings(s: BenchSummary): string[] {
  const phases: [string, Cores][] = [
    ['intake', s.intake.cpuCores],
    ['bare kafkajs', s.relay.cpuCoresBare],
    ['relay', s.relay.cpuCoresRelay],
    ['commit->notice', s.noticeLatency.cpuCores],
  ];
  return phases
    .filter(([, c]) => (c['other'] ?? 0) >= 0.2)
    .map(([phase, c]) => `WARNING: other processes used ${c['other']!.toFixed(2)} of ${s.machine.cpus} cores during ${phase}: not a quiet machine`);
}

/** Writes tmp/bench/events-<timestamp>.json and returns its path. */
export function writeSummary(s: BenchSummary): string {
  const dir = path.join(WORKSPACE_ROOT, 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `events-${s.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
  return file;
}
