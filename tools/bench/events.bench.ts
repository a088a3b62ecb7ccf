/**
 * Events benchmark: intake rate through the gateway, outbox relay vs bare kafkajs, and
 * commit-to-notice latency at half the intake rate. Prints figures; it is not a test.
 *
 *   eval "$(bash scripts/infra/infra.sh start)"
 *   NX_DAEMON=false npx nx run-many -t build --projects=gateway,complaints,refunds,mediation,appeals,notifications
 *   npm run bench:events
 *
 * Loopback only. Every loop is bounded in count and time, a hard limit aborts a stuck run, and the
 * platform's processes and the run's topics are removed at the end, however the run ends.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { PlatformProcesses } from '@redress/devkit';
import { adminQuery, testInfrastructure, uniqueNamespace } from '@redress/devkit';
import { createKafka } from '@redress/events';
import { createLogger } from '@redress/logger';
import { complaintFiler } from './complaint-input';
import { cpuMeter } from './cpu';
import { BENCH_DATABASE, prepareBenchPlatform } from './bench-platform';
import { closedLoop, openLoop } from './load';
import { machineInfo } from './machine';
import { relayVsBare } from './relay-vs-bare';
import { formatSummary, GOALS, writeSummary, type BenchSummary } from './report';
import { distribution, roundAll, until } from './stats';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

/** Integer setting from the environment, clamped so no override can make the run unbounded. */
function setting(name: string, fallback: number, min: number, max: number): number {
  const raw = Number(process.env[name] ?? fallback);
  return Math.min(max, Math.max(min, Number.isFinite(raw) ? Math.round(raw) : fallback));
}

const CONFIG = {
  concurrency: setting('BENCH_CONCURRENCY', 16, 1, 64),
  intakeSeconds: setting('BENCH_INTAKE_SECONDS', 15, 3, 60),
  warmupSeconds: 3,
  tenants: setting('BENCH_TENANTS', 8, 1, 64),
  latencySeconds: setting('BENCH_LATENCY_SECONDS', 20, 5, 60),
  relayMessages: setting('BENCH_MESSAGES', 20_000, 1_000, 100_000),
  relayRounds: setting('BENCH_ROUNDS', 2, 1, 5),
  relayBatchSize: 500,
  relayKeys: 2_000,
  /** Abort (and clean up) a run that takes longer than this, whatever it is waiting for. */
  hardLimitMs: 300_000,
};

const infra = testInfrastructure();
const namespace = uniqueNamespace('bench');
const logger = createLogger('bench', 'warn', pino.destination(2));
let platform: PlatformProcesses | null = null;
let cleaning: Promise<void> | null = null;

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/**
 * Removes this run's topics and consumer groups; everything of the run is under its namespace.
 * Topics first: they hold the data. A group is deleted only if it is already empty: a service
 * killed before its consumer left the group stays a member until its session times out (30 s),
 * which is not worth waiting for; the broker drops empty groups without offsets by itself.
 */
async function deleteNamespace(): Promise<void> {
  const admin = createKafka({ brokers: infra.kafkaBrokers.split(','), clientId: `${namespace}-cleanup`, logger }).admin();
  await admin.connect();
  try {
    const prefix = `${namespace}.`;
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 15_000 });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    if (!groups.length) return;
    const described = (await admin.describeGroups(groups)).groups;
    const empty = described.filter((g) => g.members.length === 0).map((g) => g.groupId);
    if (empty.length) await admin.deleteGroups(empty);
    const stale = described.filter((g) => g.members.length > 0).map((g) => g.groupId);
    if (stale.length) console.log(`note: consumer group(s) ${stale.join(', ')} still had a member after the platform stopped (did not leave on SIGTERM)`);
  } finally {
    await admin.disconnect();
  }
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    const processes = platform;
    platform = null;
    if (processes) await processes.stopAll().catch((e) => console.error('stopping the platform failed:', e));
    await deleteNamespace().catch((e) => console.error(`deleting topics of ${namespace} failed:`, e));
  })();
  return cleaning;
}

function abort(reason: string, code: number): void {
  console.error(`bench aborted: ${reason}`);
  void cleanUp().finally(() => process.exit(code));
}

process.once('SIGINT', () => abort('SIGINT', 130));
process.once('SIGTERM', () => abort('SIGTERM', 143));
setTimeout(() => abort(`still running after ${CONFIG.hardLimitMs / 1000} s`, 2), CONFIG.hardLimitMs).unref();

/** Step 3's truth, read as the administrator: both timestamps are written by the services. */
async function noticeLatencies(tenantIds: string[]) {
  const q = <T>(sql: string) => adminQuery<T>(infra.adminUrl, BENCH_DATABASE, sql, [tenantIds]);
  const count = async (table: string) => Number((await q<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = ANY($1::uuid[])`))[0]!.n);
  const complaints = await count('complaints.complaints');
  let notices = 0;
  await until(async () => (notices = await count('notifications.notices')) >= complaints, 60_000, 250);
  const rows = await q<{ ms: number }>(
    `SELECT (extract(epoch FROM n.created_at - c.received_at) * 1000)::float8 AS ms
       FROM complaints.complaints c
       JOIN notifications.notices n ON n.tenant_id = c.tenant_id AND n.complaint_id = c.id
      WHERE c.tenant_id = ANY($1::uuid[])`,
  );
  return { complaints, notices, latencies: rows.map((r) => r.ms) };
}

async function main(): Promise<void> {
  const started = new Date();
  const t0 = performance.now();
  const machine = await machineInfo(infra.adminUrl);
  log(`namespace ${namespace}; ${machine.cpus} CPUs, ${machine.totalMemoryGiB} GiB, Node ${machine.node}`);

  // Step 2 first, before the platform starts, so six idle service processes do not share the two cores with it.
  log(`relay vs bare kafkajs: ${CONFIG.relayMessages} messages x (1 warm-up + ${CONFIG.relayRounds}) rounds`);
  const relay = await relayVsBare({
    adminUrl: infra.adminUrl,
    database: BENCH_DATABASE,
    kafkaBrokers: infra.kafkaBrokers,
    namespace,
    logger,
    messages: CONFIG.relayMessages,
    batchSize: CONFIG.relayBatchSize,
    keys: CONFIG.relayKeys,
    rounds: CONFIG.relayRounds,
  });
  log(`bare ${Math.round(relay.bareMsgsPerSec)} msgs/s, relay ${Math.round(relay.relayMsgsPerSec)} msgs/s, ratio ${relay.ratio.toFixed(3)}`);

  log('starting the platform (ports +200, database redress_bench)');
  platform = await prepareBenchPlatform(infra.adminUrl, infra.kafkaBrokers, namespace);
  await platform.startAll();
  const gateway = platform.gatewayUrl;

  // Step 1. The warm-up's complaints go to tenants of their own and are not counted.
  const warm = complaintFiler(gateway, [randomUUID()]);
  await closedLoop({ concurrency: CONFIG.concurrency, durationMs: CONFIG.warmupSeconds * 1000, maxRequests: 5_000, send: warm });
  log(`intake: ${CONFIG.concurrency} in flight for ${CONFIG.intakeSeconds} s`);
  const intakeTenants = Array.from({ length: CONFIG.tenants }, () => randomUUID());
  const intakeCpu = cpuMeter();
  const intake = await closedLoop({
    concurrency: CONFIG.concurrency,
    durationMs: CONFIG.intakeSeconds * 1000,
    maxRequests: 100_000,
    send: complaintFiler(gateway, intakeTenants),
  });
  const intakeCores = intakeCpu();
  const intakeRate = intake.ok / (intake.elapsedMs / 1000);
  log(`intake ${intakeRate.toFixed(1)} req/s (${intake.ok} ok, ${intake.failed} failed)`);
  if (intake.ok === 0) throw new Error(`no complaint was filed: ${intake.errors.join(' | ')}`);

  // Let the consumers catch up with step 1's backlog, so step 3 starts from an idle platform.
  await noticeLatencies(intakeTenants);

  // Step 3: open loop at half the measured maximum.
  const rate = intakeRate / 2;
  log(`commit->notice latency: open loop at ${rate.toFixed(1)} req/s for ${CONFIG.latencySeconds} s`);
  const latencyTenants = Array.from({ length: CONFIG.tenants }, () => randomUUID());
  const pacedCpu = cpuMeter();
  const paced = await openLoop({
    ratePerSec: rate,
    durationMs: CONFIG.latencySeconds * 1000,
    maxInFlight: 4 * CONFIG.concurrency,
    firstN: 1_000_000,
    send: complaintFiler(gateway, latencyTenants),
  });
  const pacedCores = pacedCpu();
  const notices = await noticeLatencies(latencyTenants);
  const noticeDist = distribution(notices.latencies);

  await cleanUp();

  const summary: BenchSummary = {
    startedAt: started.toISOString(),
    wallSeconds: Math.round((performance.now() - t0) / 100) / 10,
    namespace,
    machine,
    relay: {
      ...relay,
      bareMsgsPerSec: Math.round(relay.bareMsgsPerSec),
      relayMsgsPerSec: Math.round(relay.relayMsgsPerSec),
      relaySendShare: Math.round(relay.relaySendShare * 100) / 100,
      ratio: Math.round(relay.ratio * 1000) / 1000,
      ratioGoalMet: relay.ratio >= GOALS.relayToBareRatioAtLeast,
      rounds: relay.rounds.map((r) => roundAll(r, 2)),
      cpuCoresBare: relay.rounds.at(-1)!.cpuBare,
      cpuCoresRelay: relay.rounds.at(-1)!.cpuRelay,
    },
    intake: {
      concurrency: CONFIG.concurrency,
      durationSeconds: CONFIG.intakeSeconds,
      tenants: CONFIG.tenants,
      ok: intake.ok,
      failed: intake.failed,
      reqPerSec: Math.round(intakeRate * 10) / 10,
      latencyMs: roundAll(distribution(intake.latenciesMs)),
      errors: intake.errors,
      cpuCores: intakeCores,
    },
    noticeLatency: {
      targetReqPerSec: Math.round(rate * 10) / 10,
      durationSeconds: CONFIG.latencySeconds,
      scheduled: paced.scheduled,
      skipped: paced.skipped,
      ok: paced.ok,
      failed: paced.failed,
      achievedReqPerSec: Math.round((paced.ok / (paced.elapsedMs / 1000)) * 10) / 10,
      mutationLatencyMs: roundAll(distribution(paced.latenciesMs)),
      complaints: notices.complaints,
      notices: notices.notices,
      latencyMs: roundAll(noticeDist),
      p99GoalMet: notices.notices === notices.complaints && noticeDist.p99 <= GOALS.noticeLatencyP99AtMostMs,
      errors: paced.errors,
      cpuCores: pacedCores,
    },
  };
  console.log(formatSummary(summary));
  const errors = [...intake.errors, ...paced.errors];
  if (errors.length) console.log(`errors seen: ${errors.join(' | ')}`);
  if (notices.notices !== notices.complaints) console.log(`WARNING: ${notices.complaints - notices.notices} complaints got no notice within 60 s`);
  console.log(`summary written to ${writeSummary(summary)}`);
}

main()
  .then(() => cleanUp())
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    void cleanUp().finally(() => process.exit(1));
  });
