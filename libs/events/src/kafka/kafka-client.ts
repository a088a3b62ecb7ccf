import { Kafka, logLevel, Partitioners, type Producer, type Admin } from 'kafkajs';
import type { Logger } from '@redress/logger';
import type { EventProducer, TopicBatch } from './event-transport';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

export function createKafka(options: KafkaOptions): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    // Broker restarts are expected (tests do it on purpose): keep retrying, but not too slowly.
    retry: { initialRetryTime: 200, maxRetryTime: 3_000, retries: 10 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }) => {
        const { message, ...rest } = entry;
        log[LEVELS[level] ?? 'info'](rest, message);
      },
  });
}

/**
 * kafkajs producer behind the EventProducer port, shared by the relay and the dead-letter path.
 * One request at a time keeps per-key order on retries. Concurrent callers share one connection
 * attempt, and a failed send replaces only the producer that failed.
 */
export class KafkaEventProducer implements EventProducer {
  private connecting: Promise<Producer> | null = null;

  constructor(private readonly kafka: Kafka) {}

  async connect(): Promise<void> {
    await this.producer();
  }

  private producer(): Promise<Producer> {
    if (!this.connecting) {
      const producer = this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
        maxInFlightRequests: 1,
      });
      const attempt = producer.connect().then(() => producer);
      this.connecting = attempt;
      attempt.catch(() => {
        if (this.connecting === attempt) this.connecting = null;
      });
    }
    return this.connecting;
  }

  async send(batches: TopicBatch[]): Promise<void> {
    const attempt = this.producer();
    const producer = await attempt;
    try {
      await producer.sendBatch({ acks: -1, topicMessages: batches });
    } catch (error) {
      // A broken connection is not always healed by kafkajs itself: the next send starts afresh.
      if (this.connecting === attempt) {
        this.connecting = null;
        await producer.disconnect().catch(() => undefined);
      }
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    const attempt = this.connecting;
    this.connecting = null;
    const producer = await attempt?.catch(() => null);
    await producer?.disconnect();
  }
}

/** Creates topics that are missing and waits for their leaders; existing ones are left alone. */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        // No replication factor: the cluster's default.replication.factor applies (1 on the local broker).
        topics: missing.map((topic) => ({ topic, numPartitions })),
      });
    } catch (error) {
      // Services start together and race to create the same topics: losing that race is fine.
      const nowExisting = new Set(await admin.listTopics());
      if (!missing.every((t) => nowExisting.has(t))) throw error;
    }
  } finally {
    await admin.disconnect();
  }
}

/** Readiness: the broker answers a metadata request within the timeout. */
export async function pingKafka(admin: Admin, timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Kafka did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([admin.describeCluster(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
