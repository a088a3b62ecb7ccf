/**
 * Notifications benchmark: a burst of 10,000 ComplaintFiled events (over several lenders, each
 * with email configured against a local SMTP server) through the built notifications service, as
 * production runs it. Prints notices delivered per second (an in-app and an email notice per
 * event) and the event-to-sent latency (event occurred → provider took it), p50/p95/p99. Prints
 * figures; it is not a test.
 *
 *   npx nx run notifications:build
 *   npm run bench:notifications            # BENCH_EVENTS=10000 BENCH_TENANTS=4 by default
 *
 * Loopback only; every wait is bounded, and the process, the run's topics and groups are removed
 * at the end however the run ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import {
  ComplainantContactChangedV1,
  complainantContactContext,
  ComplaintFiledV1,
  createEvent,
  topicName,
  TOPICS,
  type EventEnvelope,
} from '@redress/contracts';
import {
  adminQuery,
  deleteNamespace,
  graphqlRequest,
  LocalSmtpServer,
  mainOf,
  provisionPlatformDatabase,
  TEST_DATA_KEYS,
  testInfrastructure,
  uniqueNamespace,
} from '@redress/devkit';
import { signGatewayContext } from '@redress/graphql-kit';
import { PersonalDataCipher } from '@redress/personal-data';
import { distribution } from './stats';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const setting = (name: string, fallback: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Math.round(Number(process.env[name] ?? fallback)) || fallback));

const EVENTS = setting('BENCH_EVENTS', 10_000, 100, 50_000);
const TENANTS = setting('BENCH_TENANTS', 4, 1, 32);
const DATABASE = process.env['REDRESS_BENCH_DATABASE'] ?? 'redress_bench_notifications';
const PORT = setting('BENCH_NOTIFICATIONS_PORT', 5505, 1024, 65_000);
const HARD_LIMIT_MS = 600_000;

const infra = testInfrastructure();
const namespace = uniqueNamespace('bench-notify');
const kafka = new Kafka({ clientId: `${namespace}-bench`, brokers: infra.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
const smtp = new LocalSmtpServer();
const gatewaySecret = randomBytes(32).toString('base64url');
const cipher = PersonalDataCipher.fromConfig(TEST_DATA_KEYS);
let child: ChildProcess | null = null;

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sql = <T>(text: string, params: unknown[] = []) => adminQuery<T>(infra.adminUrl, DATABASE, text, params);

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null);
    if (value) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function startService(): Promise<void> {
  const main = mainOf('notifications');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx nx run notifications:build)`);
  const urls = (await provisionPlatformDatabase(infra.adminUrl, DATABASE)).get('notifications')!;
  child = spawn(process.execPath, ['--enable-source-maps', main], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      PORT: String(PORT),
      DATABASE_URL: urls.databaseUrl,
      MIGRATIONS_DATABASE_URL: urls.migrationsDatabaseUrl,
      DB_POOL_SIZE: '20',
      KAFKA_BROKERS: infra.kafkaBrokers,
      EVENTS_NAMESPACE: namespace,
      GATEWAY_SECRET: gatewaySecret,
      REDRESS_DATA_KEYS: TEST_DATA_KEYS,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      NOTIFICATIONS_DISPATCH_CONCURRENCY: process.env['NOTIFICATIONS_DISPATCH_CONCURRENCY'] ?? '16',
      NOTIFICATIONS_DISPATCH_BATCH_SIZE: process.env['NOTIFICATIONS_DISPATCH_BATCH_SIZE'] ?? '500',
    },
  });
  await until('the notifications service', async () => (await fetch(`http://127.0.0.1:${PORT}/health/ready`)).ok, 90_000);
}

async function configureEmail(tenantId: string): Promise<void> {
  const headers = signGatewayContext(gatewaySecret, { caller: { tenantId, actorId: 'bench', roles: ['tenant_admin'], borrowerId: null }, requestId: randomUUID() }, 'notifications');
  const r = await graphqlRequest(
    `http://127.0.0.1:${PORT}/graphql`,
    `mutation($input: ConfigureEmailChannelInput!) { configureEmailChannel(input: $input) { channel { enabled } } }`,
    { input: { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: '客服 <notice@bench.example>' } },
    headers,
  );
  if (r.errors) throw new Error(`configuring email failed: ${JSON.stringify(r.errors)}`);
}

async function publish(events: EventEnvelope<unknown>[]): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    const topic = topicName(namespace, TOPICS.complaintEvents);
    for (let i = 0; i < events.length; i += 500) {
      await producer.send({ topic, messages: events.slice(i, i + 500).map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })) });
    }
  } finally {
    await producer.disconnect();
  }
}

async function cleanUp(): Promise<void> {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child!.once('exit', r)), sleep(15_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  await smtp.stop().catch(() => undefined);
  await deleteNamespace(kafka, namespace);
}

async function main(): Promise<void> {
  await smtp.start();
  log(`starting the built notifications service on :${PORT}, database ${DATABASE}, namespace ${namespace}`);
  await startService();
  const tenants = Array.from({ length: TENANTS }, () => randomUUID());
  for (const t of tenants) await configureEmail(t);

  const now = Date.now();
  const filed = Array.from({ length: EVENTS }, (_, i) => {
    const tenantId = tenants[i % TENANTS]!;
    const complaintId = randomUUID();
    return createEvent(
      ComplaintFiledV1,
      {
        complaintId,
        reference: `TS20261125-${String(i).padStart(6, '0')}`,
        channel: 'APP',
        productName: i % 2 ? '你我贷·极速借' : '桔多多·信用借',
        receivedAt: new Date(now).toISOString(),
        firstReplyDueAt: new Date(now + 86_400_000).toISOString(),
        decisionDueAt: new Date(now + 15 * 86_400_000).toISOString(),
        locale: i % 10 === 0 ? 'en' : 'zh-CN',
      },
      { tenantId, aggregateId: complaintId, correlationId: `bench-${i}` },
    );
  });
  // Contacts first (not timed): the burst then measures notices, not waiting for contacts.
  const contacts = filed.map((e) =>
    createEvent(
      ComplainantContactChangedV1,
      {
        complaintId: e.payload.complaintId,
        reference: e.payload.reference,
        borrowerId: null,
        locale: e.payload.locale,
        contact: cipher.seal(JSON.stringify({ name: '王秀英', phone: '13812341234', email: `b${e.payload.reference}@bench.example` }), complainantContactContext(e.tenantId, e.payload.complaintId)),
      },
      { tenantId: e.tenantId, aggregateId: e.aggregateId, correlationId: e.correlationId },
    ),
  );
  log(`publishing ${EVENTS} contacts (not timed)`);
  await publish(contacts);
  await until('the contacts', async () => Number((await sql<{ n: string }>('SELECT count(*) AS n FROM notifications.complainant_contacts WHERE tenant_id = ANY($1::uuid[])', [tenants]))[0]!.n) >= EVENTS, 300_000, 500);

  log(`burst: ${EVENTS} ComplaintFiled events`);
  const burstStart = Date.now();
  // The events' occurred-at is the burst start: latency is measured from when they were produced.
  for (const e of filed) e.occurredAt = new Date(burstStart).toISOString();
  await publish(filed);
  const published = Date.now();
  const expected = EVENTS * 2;
  await until(
    `${expected} notices sent`,
    async () =>
      Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM notifications.notices WHERE tenant_id = ANY($1::uuid[]) AND status IN ('SENT', 'DELIVERED')`, [tenants]))[0]!.n) >= expected,
    HARD_LIMIT_MS,
    250,
  );
  const rows = await sql<{ channel: string; latency_ms: number; done_at: Date }>(
    `SELECT channel, extract(epoch FROM (COALESCE(sent_at, delivered_at) - event_occurred_at)) * 1000 AS latency_ms, COALESCE(sent_at, delivered_at) AS done_at
       FROM notifications.notices WHERE tenant_id = ANY($1::uuid[])`,
    [tenants],
  );
  const lastDone = Math.max(...rows.map((r) => new Date(r.done_at).getTime()));
  const seconds = (lastDone - burstStart) / 1000;
  const all = distribution(rows.map((r) => Number(r.latency_ms)));
  const email = distribution(rows.filter((r) => r.channel === 'EMAIL').map((r) => Number(r.latency_ms)));
  const mails = smtp.received.length;
  const round = (v: number) => Math.round(v);
  console.log('');
  console.log(`notifications benchmark — ${EVENTS} events, ${TENANTS} tenants, ${expected} notices (in-app + email), ${new Date().toISOString()}`);
  console.log(`  burst published in              ${((published - burstStart) / 1000).toFixed(1)} s`);
  console.log(`  all notices sent after          ${seconds.toFixed(1)} s`);
  console.log(`  notices delivered per second    ${round(expected / seconds)}  (emails received by SMTP: ${mails})`);
  console.log(`  event → sent, all notices       p50 ${round(all.p50)} ms   p95 ${round(all.p95)} ms   p99 ${round(all.p99)} ms   max ${round(all.max)} ms`);
  console.log(`  event → sent, email             p50 ${round(email.p50)} ms   p95 ${round(email.p95)} ms   p99 ${round(email.p99)} ms`);
  if (mails !== EVENTS) console.log(`  WARNING: ${mails} emails arrived for ${EVENTS} events`);
}

const hardLimit = setTimeout(() => {
  console.error(`benchmark exceeded ${HARD_LIMIT_MS / 1000} s; aborting`);
  void cleanUp().finally(() => process.exit(2));
}, HARD_LIMIT_MS + 120_000);

main()
  .then(async () => {
    await cleanUp();
    clearTimeout(hardLimit);
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    clearTimeout(hardLimit);
    process.exit(1);
  });
