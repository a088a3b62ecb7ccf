import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ComplaintFiledV1, type EventEnvelope } from '@redress/contracts';
import { createServiceDataSource, ensureDatabase, provisionServiceDatabase, urlForDatabase, urlForRole, withTenant } from '@redress/database';
import { createLogger } from '@redress/logger';
import { createKafka, ensureTopics, KafkaEventProducer, OutboxRelay, OutboxWriter, outboxInboxUpSql } from '../../src';

const DATABASE = process.env['REDRESS_IT_DATABASE'] ?? 'redress_it';
const SCHEMA = 'relay_it';
const NAMESPACE = `relay-it-${randomUUID().slice(0, 8)}`;

function infrastructure() {
  const adminUrl = process.env['DATABASE_URL'];
  const brokers = process.env['KAFKA_BROKERS'];
  if (!adminUrl || !brokers) {
    throw new Error('This integration test needs the real PostgreSQL and Kafka: run `bash scripts/test.sh`, or `eval "$(bash scripts/infra/infra.sh start)"` first.');
  }
  return { adminUrl, brokers: brokers.split(',') };
}

describe('OutboxRelay against PostgreSQL and Kafka', () => {
  const infra = infrastructure();
  const logger = createLogger('relay-it', 'warn');
  const kafka = createKafka({ brokers: infra.brokers, clientId: NAMESPACE, logger });
  const topic = `${NAMESPACE}.complaints.events`;
  const roles = { schema: SCHEMA, owner: { name: 'relay_it_owner', password: 'relay-it-owner' }, app: { name: 'relay_it_app', password: 'relay-it-app' } };
  let appUrl: string;
  let dataSource: DataSource;
  const relays: OutboxRelay[] = [];
  const producers: KafkaEventProducer[] = [];

  beforeAll(async () => {
    await ensureDatabase(infra.adminUrl, DATABASE);
    const dbAdmin = urlForDatabase(infra.adminUrl, DATABASE);
    await provisionServiceDatabase(dbAdmin, roles);
    const owner = new Client({ connectionString: urlForRole(dbAdmin, roles.owner) });
    await owner.connect();
    await owner.query(`DROP TABLE IF EXISTS ${SCHEMA}.outbox, ${SCHEMA}.inbox CASCADE; DROP FUNCTION IF EXISTS ${SCHEMA}.outbox_notify()`);
    for (const sql of outboxInboxUpSql(SCHEMA)) await owner.query(sql);
    await owner.end();
    appUrl = urlForRole(dbAdmin, roles.app);
    dataSource = createServiceDataSource({ url: appUrl, schema: SCHEMA, entities: [], applicationName: 'relay-it' });
    await dataSource.initialize();
    await ensureTopics(kafka, [topic]);
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await Promise.all(producers.map((p) => p.disconnect()));
    await dataSource?.destroy();
  });

  const startRelay = async (batchSize: number) => {
    const producer = new KafkaEventProducer(kafka);
    producers.push(producer);
    const relay = new OutboxRelay({
      dataSource,
      schema: SCHEMA,
      listenUrl: appUrl,
      producer,
      logger,
      batchSize,
      // An hour: anything published in these tests was woken by NOTIFY on commit, not by the sweep.
      sweepIntervalMs: 60 * 60 * 1000,
    });
    relays.push(relay);
    await relay.start();
    return relay;
  };

  const writer = new OutboxWriter(SCHEMA, NAMESPACE);
  const payload = (complaintId: string, n: number) => ({
    complaintId,
    reference: `TS20261125-${String(n).padStart(6, '0')}`,
    channel: 'APP' as const,
    productName: '同程金融·提钱游',
    receivedAt: '2026-11-25T08:00:00.000Z',
    firstReplyDueAt: '2026-11-26T08:00:00.000Z',
    decisionDueAt: '2026-12-10T08:00:00.000Z',
    locale: 'zh-CN' as const,
  });

  it('refuses an outbox write outside a transaction', async () => {
    await expect(
      writer.append(dataSource.manager, ComplaintFiledV1, payload(randomUUID(), 0), { tenantId: randomUUID(), aggregateId: randomUUID(), correlationId: 'c' }),
    ).rejects.toThrow('inside the transaction');
  });

  it('publishes every event exactly once and in order per aggregate, with two relays sharing the outbox', async () => {
    const consumer = kafka.consumer({ groupId: `${NAMESPACE}-reader` });
    const received: EventEnvelope<{ reference: string }>[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(JSON.parse(message.value!.toString())) });

    await startRelay(25);
    await startRelay(25);
    const tenantId = randomUUID();
    const aggregates = Array.from({ length: 20 }, () => randomUUID());
    const expected = new Map<string, string[]>(aggregates.map((a) => [a, []]));
    // 30 transactions of 20 events each, interleaving the aggregates so both relays contend for each key.
    for (let round = 0; round < 30; round += 1) {
      await withTenant(dataSource, tenantId, async (manager) => {
        for (const [i, aggregateId] of aggregates.entries()) {
          const n = round * aggregates.length + i;
          const event = await writer.append(manager, ComplaintFiledV1, payload(aggregateId, n), { tenantId, aggregateId, correlationId: `round-${round}` });
          expected.get(aggregateId)!.push(event.id);
        }
      });
    }

    const deadline = Date.now() + 60_000;
    while (received.length < 600 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // a duplicate, if any, would arrive now
    await consumer.disconnect();

    expect(received).toHaveLength(600);
    expect(relays[0]!.publishedCount + relays[1]!.publishedCount).toBe(600);
    for (const aggregateId of aggregates) {
      expect(received.filter((e) => e.aggregateId === aggregateId).map((e) => e.id)).toEqual(expected.get(aggregateId));
    }
    const [pending] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`);
    expect(pending.n).toBe(0);
  });
});
