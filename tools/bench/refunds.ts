/**
 * Refunds benchmark: approved-refund throughput and payout latency against a local payment
 * provider. Prints figures; it is not a test.
 *
 *   eval "$(bash scripts/infra/infra.sh start)"     # or DATABASE_URL and KAFKA_BROKERS of running ones
 *   npm run bench:refunds                            # builds the refunds service, then runs this
 *
 * The built refunds service runs as its own process (as in production) on its own database
 * (`redress_bench`, or REDRESS_BENCH_DATABASE), port (4002 + BENCH_PORT_OFFSET, default 200) and
 * topic namespace, paying out through a local HTTP server that plays the provider. Requests go to
 * the subgraph directly, signed as the gateway signs them, so the figures are the service's own.
 *
 * Phases: (1) record N + M refund requests (not timed); (2) approve N of them, C at a time, and
 * time it: approved refunds per second (payouts run meanwhile and fall behind: their latency under
 * saturation is reported too); (3) once all are paid, approve the other M at half the measured rate
 * (open loop) and read, per refund, the time from its approval to its payout being recorded PAID:
 * payout p50/p99 against the local provider. Then check the provider was paid exactly N + M times.
 * Bounded in count and time; cleans up however it ends.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { signGatewayContext } from '@redress/graphql-kit';
import {
  adminQuery,
  graphqlRequest,
  PaymentProviderDouble,
  PlatformProcesses,
  provisionPlatformDatabase,
  TEST_DATA_KEYS,
  testInfrastructure,
  uniqueNamespace,
  WORKSPACE_ROOT,
} from '@redress/devkit';
import { createKafka } from '@redress/events';
import { createLogger } from '@redress/logger';
import { machineInfo } from './machine';
import { distribution, roundAll, until } from './stats';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

function setting(name: string, fallback: number, min: number, max: number): number {
  const raw = Number(process.env[name] ?? fallback);
  return Math.min(max, Math.max(min, Number.isFinite(raw) ? Math.round(raw) : fallback));
}

const CONFIG = {
  refunds: setting('BENCH_REFUNDS', 600, 50, 5_000),
  /** Approved afterwards at half the measured approval rate, for payout latency without a backlog. */
  paced: setting('BENCH_PACED_REFUNDS', 200, 20, 2_000),
  concurrency: setting('BENCH_CONCURRENCY', 16, 1, 64),
  tenants: setting('BENCH_TENANTS', 4, 1, 32),
  portOffset: setting('BENCH_PORT_OFFSET', 200, 0, 5_000),
  database: process.env['REDRESS_BENCH_DATABASE'] ?? 'redress_bench',
  hardLimitMs: 300_000,
};

const infra = testInfrastructure();
const namespace = uniqueNamespace('bench-refunds');
const gatewaySecret = randomBytes(32).toString('base64url');
const provider = new PaymentProviderDouble();
const logger = createLogger('bench', 'warn', pino.destination(2));
let processes: PlatformProcesses | null = null;
let cleaning: Promise<void> | null = null;

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await processes?.stop('refunds').catch((e) => console.error('stopping refunds failed:', e));
    processes = null;
    await provider.stop().catch(() => undefined);
    const admin = createKafka({ brokers: infra.kafkaBrokers.split(','), clientId: `${namespace}-cleanup`, logger }).admin();
    try {
      await admin.connect();
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`));
      if (topics.length) await admin.deleteTopics({ topics, timeout: 15_000 });
    } catch (error) {
      console.error(`deleting topics of ${namespace} failed:`, error);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
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

const REQUEST = 'mutation($input: RequestRefundInput!) { requestRefund(input: $input) { refund { id } } }';
const APPROVE = 'mutation($input: ApproveRefundInput!) { approveRefund(input: $input) { refund { status } } }';

function call<T>(url: string, tenantId: string, actorId: string, roles: string[], query: string, variables: Record<string, unknown>) {
  const headers = signGatewayContext(gatewaySecret, { caller: { tenantId, actorId, roles, borrowerId: null }, requestId: `bench-${randomUUID()}` }, 'refunds');
  return graphqlRequest<T>(url, query, variables, headers);
}

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next);
  }));
}

async function main(): Promise<void> {
  const machine = await machineInfo(infra.adminUrl);
  log(`namespace ${namespace}; ${machine.cpus} CPUs, Node ${machine.node}; ${CONFIG.refunds} refunds, ${CONFIG.concurrency} in flight`);
  const providerUrl = await provider.start();
  const databaseUrls = await provisionPlatformDatabase(infra.adminUrl, CONFIG.database);
  processes = new PlatformProcesses({
    databaseUrls,
    kafkaBrokers: infra.kafkaBrokers,
    eventsNamespace: namespace,
    gatewaySecret,
    dataKeys: TEST_DATA_KEYS,
    portOffset: CONFIG.portOffset,
    logDir: path.join(WORKSPACE_ROOT, 'tmp', 'bench', 'logs', namespace),
    logLevel: 'warn',
    extraEnv: { PAYOUT_PROVIDER_URL: providerUrl, PAYOUT_SCAN_INTERVAL_MS: '1000', PAYOUT_RETRY_BASE_MS: '200' },
  });
  await processes.start('refunds');
  const url = processes.urlOf('refunds');
  const tenants = Array.from({ length: CONFIG.tenants }, () => randomUUID());

  log(`recording ${CONFIG.refunds + CONFIG.paced} refund requests`);
  const all: { tenantId: string; id: string }[] = [];
  await inParallel([...Array(CONFIG.refunds + CONFIG.paced).keys()], CONFIG.concurrency, async (i) => {
    const tenantId = tenants[i % tenants.length]!;
    const amount = { amountMinor: 1_000 + (i % 50) * 100, currency: 'CNY' };
    const result = await call<{ requestRefund: { refund: { id: string } } }>(url, tenantId, 'partner-app:bench', ['partner_app'], REQUEST, {
      input: {
        idempotencyKey: `bench-${i}-${randomUUID()}`,
        channel: 'PARTNER_APP',
        borrowerId: `NWD-C-${String(i).padStart(6, '0')}`,
        charge: { reference: `NWD-FEE-${randomUUID()}`, feeType: 'SERVICE_FEE', amount, chargedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() },
        amount,
        reason: '提前结清后仍被收取服务费',
      },
    });
    if (result.errors) throw new Error(`request failed: ${result.errors[0]!.message}`);
    all.push({ tenantId, id: result.data!.requestRefund.refund.id });
  });
  const refunds = all.slice(0, CONFIG.refunds);
  const paced = all.slice(CONFIG.refunds);
  const approveOne = async (r: { tenantId: string; id: string }) => {
    const result = await call<{ approveRefund: { refund: { status: string } } }>(url, r.tenantId, 'supervisor:bench', ['supervisor'], APPROVE, { input: { refundId: r.id } });
    if (result.errors || result.data!.approveRefund.refund.status !== 'APPROVED') throw new Error(`approval failed: ${JSON.stringify(result.errors)}`);
  };

  log(`approving them, ${CONFIG.concurrency} at a time`);
  const approveMs: number[] = [];
  const t0 = performance.now();
  await inParallel(refunds, CONFIG.concurrency, async (r) => {
    const start = performance.now();
    await approveOne(r);
    approveMs.push(performance.now() - start);
  });
  const approveSeconds = (performance.now() - t0) / 1000;
  const paidCount = async () =>
    Number((await adminQuery<{ n: string }>(infra.adminUrl, CONFIG.database, `SELECT count(*) AS n FROM refunds.payouts WHERE tenant_id = ANY($1::uuid[]) AND state = 'PAID'`, [tenants]))[0]!.n);
  const payoutLatencies = async (ids: string[]) =>
    (
      await adminQuery<{ ms: number }>(
        infra.adminUrl,
        CONFIG.database,
        `SELECT (extract(epoch FROM p.settled_at - r.approved_at) * 1000)::float8 AS ms
           FROM refunds.payouts p JOIN refunds.refunds r ON r.tenant_id = p.tenant_id AND r.id = p.refund_id
          WHERE p.tenant_id = ANY($1::uuid[]) AND r.id = ANY($2::uuid[])`,
        [tenants, ids],
      )
    ).map((r) => r.ms);
  const waitPaid = async (n: number) => {
    if (!(await until(async () => (await paidCount()) >= n, 120_000, 250))) throw new Error(`only ${await paidCount()} of ${n} payouts were paid within 120 s`);
  };
  await waitPaid(refunds.length);
  const drainSeconds = (performance.now() - t0) / 1000;
  const saturated = await payoutLatencies(refunds.map((r) => r.id));

  const rate = (refunds.length / approveSeconds) / 2;
  log(`approving ${paced.length} more at ${rate.toFixed(1)}/s (half the measured rate)`);
  const pacedStart = performance.now();
  const inFlight: Promise<void>[] = [];
  for (const [i, r] of paced.entries()) {
    const due = pacedStart + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(approveOne(r));
  }
  await Promise.all(inFlight);
  await waitPaid(all.length);
  const payout = await payoutLatencies(paced.map((r) => r.id));

  const summary = {
    startedAt: new Date().toISOString(),
    machine,
    config: CONFIG,
    approvedRefundsPerSec: refunds.length / approveSeconds,
    approveLatencyMs: roundAll(distribution(approveMs)),
    paidRefundsPerSecEndToEnd: refunds.length / drainSeconds,
    payoutLatencySaturatedMs: roundAll(distribution(saturated)),
    pacedApprovalsPerSec: rate,
    payoutLatencyMs: roundAll(distribution(payout)),
    providerPayments: provider.paymentCount,
    providerCalls: provider.totalCalls(),
  };
  console.log('');
  console.log(`approved refunds:            ${summary.approvedRefundsPerSec.toFixed(1)} /s (${refunds.length} approvals, ${CONFIG.concurrency} in flight)`);
  console.log(`approval latency:            p50 ${summary.approveLatencyMs.p50} ms, p99 ${summary.approveLatencyMs.p99} ms`);
  console.log(`approved and paid, overall:  ${summary.paidRefundsPerSecEndToEnd.toFixed(1)} /s (payouts fall behind approvals at full rate)`);
  console.log(`approval → PAID, saturated:  p50 ${summary.payoutLatencySaturatedMs.p50} ms, p99 ${summary.payoutLatencySaturatedMs.p99} ms`);
  console.log(`approval → PAID at ${rate.toFixed(1)}/s:   p50 ${summary.payoutLatencyMs.p50} ms, p99 ${summary.payoutLatencyMs.p99} ms, max ${summary.payoutLatencyMs.max} ms (${paced.length} payouts)`);
  console.log(`provider paid ${summary.providerPayments} times for ${all.length} refunds (${summary.providerCalls} calls)`);
  if (summary.providerPayments !== all.length) throw new Error('the provider was not paid exactly once per refund');
  const dir = path.join(WORKSPACE_ROOT, 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `refunds-${summary.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(summary, null, 2));
  log(`figures written to ${path.relative(WORKSPACE_ROOT, file)}`);
}

main()
  .then(() => cleanUp())
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    void cleanUp().finally(() => process.exit(1));
  });
