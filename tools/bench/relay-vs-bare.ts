import { randomUUID } from 'node:crypto';
import type { Kafka, Message } from 'kafkajs';
import { Client } from 'pg';
import { createServiceDataSource, ensureDatabase, urlForDatabase } from '@redress/database';
import {
  createKafka,
  ensureTopics,
  KafkaEventProducer,
  OutboxRelay,
  outboxInboxUpSql,
  type EventProducer,
  type TopicBatch,
} from '@redress/events';
import type { Logger } from '@redress/logger';
import { cpuMeter } from './cpu';
import { until } from './stats';

/** A schema of its own, dropped and made anew each run, so rows of earlier runs never count. */
const SCHEMA = 'bench_relay';

export interface RelayVsBareOptions {
  adminUrl: string;
  database: string;
  kafkaBrokers: string;
  namespace: string;
  logger: Logger;
  messages: number;
  batchSize: number;
  keys: number;
  rounds: number;
}

export interface RelayRound {
  bareMsgsPerSec: number;
  relayMsgsPerSec: number;
  /** Share of the relay's wall time spent inside producer.send (the rest: PostgreSQL and the relay's own work). */
  relaySendShare: number;
  relayBatches: number;
  /** Cores used per process group while each side ran. */
  cpuBare: Record<string, number>;
  cpuRelay: Record<string, number>;
}

interface BenchEvent {
  eventId: string;
  tenantId: string;
  key: string;
  type: string;
  envelope: Record<string, unknown>;
}

/** Envelopes with the fields of a real ComplaintFiled v1 (about 630 bytes of JSON, as the service writes), over `keys` aggregate ids. */
function makeEvents(count: number, aggregateIds: string[], tenantIds: string[]): BenchEvent[] {
  const now = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => {
    const aggregateId = aggregateIds[i % aggregateIds.length]!;
    const tenantId = tenantIds[i % tenantIds.length]!;
    const id = randomUUID();
    const envelope = {
      id,
      type: 'complaints.ComplaintFiled',
      version: 1,
      tenantId,
      occurredAt: now,
      correlationId: randomUUID(),
      causationId: null,
      aggregateType: 'Complaint',
      aggregateId,
      payload: {
        complaintId: aggregateId,
        reference: `TS20261125-${String(i % 1_000_000).padStart(6, '0')}`,
        channel: 'APP',
        productName: '青禾贷·极速借',
        receivedAt: now,
        firstReplyDueAt: now,
        decisionDueAt: now,
        locale: 'zh-CN',
      },
    };
    return { eventId: id, tenantId, key: aggregateId, type: envelope.type, envelope };
  });
}

/** The Kafka message the relay would make of an event (same key, value and headers), for a like-for-like comparison. */
function asMessage(e: BenchEvent): Message {
  const env = e.envelope as { id: string; tenantId: string; correlationId: string };
  return {
    key: e.key,
    value: JSON.stringify(e.envelope),
    headers: { 'event-id': env.id, 'event-type': e.type, 'tenant-id': env.tenantId, 'correlation-id': env.correlationId },
  };
}

/** Wraps the relay's producer port to time it; the relay itself is used unchanged. */
class TimedProducer implements EventProducer {
  sendMs = 0;
  sends = 0;
  constructor(private readonly inner: EventProducer) {}
  connect() {
    return this.inner.connect();
  }
  async send(batches: TopicBatch[]) {
    const t = performance.now();
    try {
      await this.inner.send(batches);
    } finally {
      this.sendMs += performance.now() - t;
      this.sends += 1;
    }
  }
  disconnect() {
    return this.inner.disconnect();
  }
}

async function messagesIn(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** (a) kafkajs alone: default producer, acks=-1, one sendBatch of `batchSize` at a time. */
async function runBare(kafka: Kafka, topic: string, events: BenchEvent[], batchSize: number): Promise<number> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    const messages = events.map(asMessage);
    const t = performance.now();
    for (let i = 0; i < messages.length; i += batchSize) {
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + batchSize) }] });
    }
    return performance.now() - t;
  } finally {
    await producer.disconnect();
  }
}

/** Bulk-inserts outbox rows while no relay runs; one statement per chunk, as unnest of arrays. */
async function fillOutbox(db: Client, topic: string, events: BenchEvent[]): Promise<void> {
  const chunk = 2_000;
  for (let i = 0; i < events.length; i += chunk) {
    const part = events.slice(i, i + chunk);
    await db.query(
      `INSERT INTO ${SCHEMA}.outbox (event_id, tenant_id, topic, message_key, event_type, envelope)
       SELECT e, t, $3, k, y, v FROM unnest($1::uuid[], $2::uuid[], $4::text[], $5::text[], $6::jsonb[]) AS u(e, t, k, y, v)`,
      [part.map((e) => e.eventId), part.map((e) => e.tenantId), topic, part.map((e) => e.key), part.map((e) => e.type), part.map((e) => JSON.stringify(e.envelope))],
    );
  }
  // A steady-state table has statistics and no dead tuples from the fill; autovacuum would get there too.
  await db.query(`VACUUM ANALYZE ${SCHEMA}.outbox`);
}

/** (b) the OutboxRelay over the rows fillOutbox wrote: from start() until every row is published. */
async function runRelay(kafka: Kafka, dbUrl: string, count: number, o: RelayVsBareOptions) {
  const dataSource = createServiceDataSource({ url: dbUrl, schema: SCHEMA, entities: [], applicationName: 'bench-relay', poolSize: 4 });
  await dataSource.initialize();
  const producer = new TimedProducer(new KafkaEventProducer(kafka));
  await producer.connect(); // connected before the clock starts, as the bare producer is
  const relay = new OutboxRelay({ dataSource, schema: SCHEMA, listenUrl: dbUrl, producer, logger: o.logger, batchSize: o.batchSize });
  try {
    const cpu = cpuMeter();
    const t = performance.now();
    await relay.start();
    // publishedCount rises only after each batch's transaction commits, so polling it in process
    // equals polling "published_at IS NULL" for 0 without loading the database; SQL confirms below.
    const done = await until(() => relay.publishedCount >= count, 120_000, 2);
    const ms = performance.now() - t;
    const cores = cpu(); // before the pool closes, so its PostgreSQL backends are still there to count
    if (!done) throw new Error(`relay published ${relay.publishedCount} of ${count} within 120 s`);
    await relay.stop();
    const [{ n: pending }] = await dataSource.query(`SELECT count(*) AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`);
    if (Number(pending) !== 0) throw new Error(`${pending} outbox rows still pending after the relay reported done`);
    return { ms, sendMs: producer.sendMs, sends: producer.sends, cores };
  } finally {
    await relay.stop();
    await producer.disconnect().catch(() => undefined);
    await dataSource.destroy();
  }
}

/**
 * Relay throughput against bare kafkajs on the same broker and the same messages. A small first
 * round warms up JIT, connections and the broker and is not reported; then `rounds` measured ones,
 * each on fresh topics of 3 partitions.
 */
export async function relayVsBare(o: RelayVsBareOptions) {
  await ensureDatabase(o.adminUrl, o.database);
  const dbUrl = urlForDatabase(o.adminUrl, o.database);
  const db = new Client({ connectionString: dbUrl, application_name: 'bench-relay-setup' });
  await db.connect();
  const kafka = createKafka({ brokers: o.kafkaBrokers.split(','), clientId: `${o.namespace}-relay-bench`, logger: o.logger });
  try {
    await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await db.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const sql of outboxInboxUpSql(SCHEMA)) await db.query(sql);

    const aggregateIds = Array.from({ length: o.keys }, () => randomUUID());
    const tenantIds = Array.from({ length: 8 }, () => randomUUID());
    const sizes = [{ label: 'warmup', count: Math.min(2_000, o.messages) }, ...Array.from({ length: o.rounds }, (_, r) => ({ label: `r${r + 1}`, count: o.messages }))];
    const topicOf = (kind: string, label: string) => `${o.namespace}.bench.${kind}.${label}`;
    await ensureTopics(kafka, sizes.flatMap((s) => [topicOf('bare', s.label), topicOf('relay', s.label)]), 3);

    const rounds: RelayRound[] = [];
    let valueBytes = 0;
    for (const { label, count } of sizes) {
      const events = makeEvents(count, aggregateIds, tenantIds);
      valueBytes = events.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e.envelope)), 0) / events.length;
      const cpu = cpuMeter();
      const bareMs = await runBare(kafka, topicOf('bare', label), events, o.batchSize);
      const cpuBare = cpu();
      await fillOutbox(db, topicOf('relay', label), events);
      const relay = await runRelay(kafka, dbUrl, events.length, o);
      for (const kind of ['bare', 'relay']) {
        const n = await messagesIn(kafka, topicOf(kind, label));
        if (n !== count) throw new Error(`${kind} topic of round ${label} holds ${n} messages, expected ${count}`);
      }
      if (label === 'warmup') continue;
      rounds.push({
        bareMsgsPerSec: count / (bareMs / 1000),
        relayMsgsPerSec: count / (relay.ms / 1000),
        relaySendShare: relay.sendMs / relay.ms,
        relayBatches: relay.sends,
        cpuBare,
        cpuRelay: relay.cores,
      });
    }
    const mean = (f: (r: RelayRound) => number) => rounds.reduce((s, r) => s + f(r), 0) / rounds.length;
    return {
      messages: o.messages,
      batchSize: o.batchSize,
      keys: o.keys,
      valueBytesAvg: Math.round(valueBytes),
      bareMsgsPerSec: mean((r) => r.bareMsgsPerSec),
      relayMsgsPerSec: mean((r) => r.relayMsgsPerSec),
      relaySendShare: mean((r) => r.relaySendShare),
      ratio: mean((r) => r.relayMsgsPerSec) / mean((r) => r.bareMsgsPerSec),
      rounds,
    };
  } finally {
    await db.end();
  }
}
