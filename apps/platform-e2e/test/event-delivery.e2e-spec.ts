import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { deadLetterTopic } from '@redress/contracts';
import {
  adminQuery,
  bearer,
  consumerLag,
  devToken,
  E2E_DATABASE,
  graphqlRequest,
  localInfrastructure,
  startPlatformUnderTest,
  waitFor,
} from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;

const FILE = 'mutation File($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id reference } } }';

const intake = (n: number) => ({
  channel: 'HOTLINE',
  complainant: { name: `李娜${n}`, phone: `1390000${String(n).padStart(4, '0')}`, locale: 'zh_CN' },
  productName: '桔多多·信用借',
  description: `第${n}位借款人反映：逾期第三天起每天接到多个催收电话，还打给了通讯录里的同事。`,
});

describe('events between services', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatformUnderTest('events');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const noticesOf = async (tenantId: string) =>
    adminQuery<{ complaint_id: string; source_event_id: string }>(
      platform.infra.adminUrl,
      E2E_DATABASE,
      'SELECT complaint_id, source_event_id FROM notifications.notices WHERE tenant_id = $1',
      [tenantId],
    );

  /** Puts a raw message on the complaint topic, as a broker redelivery or a broken producer would. */
  const publishRaw = async (key: string, value: string) => {
    const producer = platform.kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: platform.complaintTopic, messages: [{ key, value }] });
    } finally {
      await producer.disconnect();
    }
  };

  const caughtUp = () =>
    waitFor('the notifications consumer to catch up', async () => (await consumerLag(platform.kafka, platform.groupOf('notifications'), platform.complaintTopic)) === 0, 60_000, 200);

  it('loses nothing while Kafka is down: 20 complaints filed, exactly 20 notices once it is back', async () => {
    const tenantId = randomUUID();
    const auth = bearer(devToken(tenantId));
    await localInfrastructure('kafka', 'stop');
    try {
      const ids: string[] = [];
      for (let n = 0; n < 20; n += 1) {
        const result = await graphqlRequest<{ fileComplaint: { complaint: { id: string } } }>(platform.processes.gatewayUrl, FILE, { input: intake(n) }, auth);
        expect(result.errors).toBeUndefined();
        ids.push(result.data!.fileComplaint.complaint.id);
      }
      // Each filing waits in the outbox with its two events: the complaint, and the complainant's sealed contact.
      const pending = await adminQuery<{ event_type: string; n: number }>(
        platform.infra.adminUrl,
        E2E_DATABASE,
        'SELECT event_type, count(*)::int AS n FROM complaints.outbox WHERE tenant_id = $1 AND published_at IS NULL GROUP BY event_type ORDER BY event_type',
        [tenantId],
      );
      expect(pending).toEqual([
        { event_type: 'complaints.ComplainantContactChanged', n: 20 },
        { event_type: 'complaints.ComplaintFiled', n: 20 },
      ]);
      expect(await noticesOf(tenantId)).toHaveLength(0);
    } finally {
      await localInfrastructure('kafka', 'start');
    }
    await waitFor('20 notices after Kafka came back', async () => (await noticesOf(tenantId)).length >= 20, 120_000, 250);
    await caughtUp();
    const notices = await noticesOf(tenantId);
    expect(notices).toHaveLength(20);
    expect(new Set(notices.map((n) => n.complaint_id)).size).toBe(20);
  });

  it('loses nothing while PostgreSQL restarts: an event consumed during the outage is handled once it is back', async () => {
    const tenantId = randomUUID();
    const filed = await graphqlRequest<{ fileComplaint: { complaint: { id: string } } }>(
      platform.processes.gatewayUrl,
      FILE,
      { input: intake(42) },
      bearer(devToken(tenantId)),
    );
    const complaintId = filed.data!.fileComplaint.complaint.id;
    await waitFor('the first notice', async () => (await noticesOf(tenantId)).length === 1);
    const [row] = await adminQuery<{ envelope: Record<string, unknown> }>(platform.infra.adminUrl, E2E_DATABASE, "SELECT envelope FROM complaints.outbox WHERE message_key = $1 AND event_type = 'complaints.ComplaintFiled'", [complaintId]);

    await localInfrastructure('postgres', 'stop');
    try {
      // A new event arrives while the notifications database is down: the consumer must keep it.
      await publishRaw(complaintId, JSON.stringify({ ...row!.envelope, id: randomUUID() }));
      await new Promise((r) => setTimeout(r, 2_000));
    } finally {
      await localInfrastructure('postgres', 'start');
    }
    await waitFor('the notice of the event consumed during the outage', async () => (await noticesOf(tenantId)).length === 2, 60_000, 250);

    // And the write path is whole again: a complaint filed now gets its notice through outbox and relay.
    const after = randomUUID();
    await waitFor('the gateway to accept complaints again', async () => {
      const r = await graphqlRequest(platform.processes.gatewayUrl, FILE, { input: intake(43) }, bearer(devToken(after)));
      return !r.errors;
    }, 30_000, 500);
    await waitFor('the notice of the complaint filed after the restart', async () => (await noticesOf(after)).length === 1, 30_000, 250);
    await caughtUp();
    expect(await noticesOf(tenantId)).toHaveLength(2);
  });

  it('gives one notice for an event delivered twice', async () => {
    const tenantId = randomUUID();
    const result = await graphqlRequest<{ fileComplaint: { complaint: { id: string } } }>(
      platform.processes.gatewayUrl,
      FILE,
      { input: intake(99) },
      bearer(devToken(tenantId)),
    );
    const complaintId = result.data!.fileComplaint.complaint.id;
    await waitFor('the first notice', async () => (await noticesOf(tenantId)).length === 1);
    const [row] = await adminQuery<{ envelope: unknown }>(platform.infra.adminUrl, E2E_DATABASE, "SELECT envelope FROM complaints.outbox WHERE message_key = $1 AND event_type = 'complaints.ComplaintFiled'", [complaintId]);

    await publishRaw(complaintId, JSON.stringify(row!.envelope));
    await caughtUp();
    expect(await noticesOf(tenantId)).toHaveLength(1);
  });

  it('sends a malformed message to the dead-letter topic and goes on with the next', async () => {
    const garbage = `not an event ${randomUUID()}`;
    await publishRaw('garbage', garbage);

    const tenantId = randomUUID();
    await graphqlRequest(platform.processes.gatewayUrl, FILE, { input: intake(7) }, bearer(devToken(tenantId)));
    await waitFor('the notice of the complaint filed after the malformed message', async () => (await noticesOf(tenantId)).length === 1);

    const dlt = deadLetterTopic(platform.namespace, platform.groupOf('notifications'));
    const consumer = platform.kafka.consumer({ groupId: `${platform.namespace}-dlt-reader` });
    const received: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: dlt, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    try {
      const dead = await waitFor('the malformed message on the dead-letter topic', async () =>
        received.find((m) => m.value?.toString() === garbage),
      );
      expect(dead.headers?.['dlt-original-topic']?.toString()).toBe(platform.complaintTopic);
      expect(dead.headers?.['dlt-reason']?.toString()).toContain('SyntaxError');
    } finally {
      await consumer.disconnect();
    }
  });
});
