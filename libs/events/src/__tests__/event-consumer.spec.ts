import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { ComplaintFiledV1, createEvent } from '@redress/contracts';
import { createLogger } from '@redress/logger';
import { EventConsumer, eventHandler } from '../consumer/event-consumer';
import type { EventProducer, TopicBatch } from '../kafka/event-transport';

class RecordingProducer implements EventProducer {
  readonly sent: TopicBatch[] = [];
  connect = async () => undefined;
  disconnect = async () => undefined;
  async send(batches: TopicBatch[]) {
    this.sent.push(...batches);
  }
}

const message = (value: string): KafkaMessage =>
  ({ key: Buffer.from('k'), value: Buffer.from(value), offset: '7', timestamp: '0', attributes: 0, headers: {} }) as KafkaMessage;

function consumerWith(producer: RecordingProducer) {
  return new EventConsumer({
    kafka: {} as never,
    dataSource: {} as never,
    schema: 'notifications',
    groupId: 'redress.notifications',
    topics: ['redress.complaints.events'],
    deadLetterTopic: 'redress.dlt.redress.notifications',
    deadLetterProducer: producer,
    handlers: [eventHandler(ComplaintFiledV1, async () => undefined) as never],
    logger: createLogger('test', 'silent'),
  });
}

describe('EventConsumer routing (before any database work)', () => {
  it.each([
    ['not JSON', 'hello'],
    ['JSON without an envelope', '{"type":"complaints.ComplaintFiled"}'],
    [
      'a known event whose payload breaks the contract',
      JSON.stringify({
        ...createEvent(
          ComplaintFiledV1,
          {
            complaintId: randomUUID(),
            reference: 'TS20261125-000001',
            channel: 'APP',
            productName: '桔多多',
            receivedAt: '2026-11-25T08:00:00.000Z',
            firstReplyDueAt: '2026-11-26T08:00:00.000Z',
            decisionDueAt: '2026-12-10T08:00:00.000Z',
            locale: 'zh-CN',
          },
          { tenantId: randomUUID(), aggregateId: randomUUID(), correlationId: 'c' },
        ),
        payload: { complaintId: 'nope' },
      }),
    ],
  ])('dead-letters %s with the reason and where it came from', async (_case, value) => {
    const producer = new RecordingProducer();
    await expect(consumerWith(producer).process('redress.complaints.events', 2, message(value))).resolves.toBe('dead-lettered');
    expect(producer.sent).toHaveLength(1);
    const [batch] = producer.sent;
    expect(batch!.topic).toBe('redress.dlt.redress.notifications');
    expect(batch!.messages[0]!.value).toBe(value);
    expect(batch!.messages[0]!.headers).toMatchObject({
      'dlt-original-topic': 'redress.complaints.events',
      'dlt-original-partition': '2',
      'dlt-original-offset': '7',
    });
    expect(batch!.messages[0]!.headers['dlt-reason']).toMatch(/EventContractError|SyntaxError/);
  });

  it('dead-letters a version of a known event it cannot handle yet, instead of skipping it', async () => {
    const producer = new RecordingProducer();
    const event = createEvent(ComplaintFiledV1, {
      complaintId: randomUUID(), reference: 'TS20261125-000003', channel: 'APP', productName: '京东金融·金条',
      receivedAt: '2026-11-25T08:00:00.000Z', firstReplyDueAt: '2026-11-26T08:00:00.000Z', decisionDueAt: '2026-12-10T08:00:00.000Z', locale: 'zh-CN',
    }, { tenantId: randomUUID(), aggregateId: randomUUID(), correlationId: 'c' });
    const value = JSON.stringify({ ...event, version: 2 });
    await expect(consumerWith(producer).process('redress.complaints.events', 1, message(value))).resolves.toBe('dead-lettered');
    expect(producer.sent[0]!.messages[0]!.headers['dlt-reason']).toContain('complaints.ComplaintFiled v2');
  });

  it('ignores events it has no handler for, without dead-lettering them', async () => {
    const producer = new RecordingProducer();
    const other = { ...JSON.parse(JSON.stringify(createEvent(ComplaintFiledV1, {
      complaintId: randomUUID(), reference: 'TS20261125-000002', channel: 'WEB', productName: '桔多多',
      receivedAt: '2026-11-25T08:00:00.000Z', firstReplyDueAt: '2026-11-26T08:00:00.000Z', decisionDueAt: '2026-12-10T08:00:00.000Z', locale: 'en',
    }, { tenantId: randomUUID(), aggregateId: randomUUID(), correlationId: 'c' }))), type: 'refunds.RefundPaid' };
    await expect(consumerWith(producer).process('redress.complaints.events', 0, message(JSON.stringify(other)))).resolves.toBe('ignored');
    expect(producer.sent).toHaveLength(0);
  });
});
