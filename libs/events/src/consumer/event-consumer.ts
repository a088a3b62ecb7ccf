import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EventContractError,
  parseEnvelope,
  parsePayload,
  type EventContract,
  type EventEnvelope,
} from '@redress/contracts';
import { isTransientDatabaseError, withTenant } from '@redress/database';
import type { Logger } from '@redress/logger';
import type { EventProducer } from '../kafka/event-transport';
import { checkedSchemaName } from '../outbox/outbox.sql';

/** What a consumer does with one event, inside the transaction that records it as handled. */
export interface EventHandler<P> {
  contract: EventContract<P>;
  handle(event: EventEnvelope<P>, manager: EntityManager): Promise<void>;
}

export function eventHandler<P>(
  contract: EventContract<P>,
  handle: (event: EventEnvelope<P>, manager: EntityManager) => Promise<void>,
): EventHandler<P> {
  return { contract, handle };
}

/** Thrown by a handler for an event that can never be processed, however often it is retried. */
export class UnprocessableEventError extends Error {
  override name = 'UnprocessableEventError';
}

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  schema: string;
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  deadLetterProducer: EventProducer;
  handlers: EventHandler<never>[];
  logger: Logger;
  /** Attempts for an error that is not known to be transient, before the message is dead-lettered. */
  maxAttempts?: number;
  partitionsConsumedConcurrently?: number;
}

export type HandleOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

/**
 * Consumes events with an inbox: the handled event id is recorded in the same transaction as the
 * handler's effect, so a redelivered event has no second effect. Transient failures (database or
 * broker restarting) are retried until they pass; anything else is retried a few times with
 * backoff, then sent to the dead-letter topic so the next message is not held up.
 */
export class EventConsumer {
  private readonly schema: string;
  private readonly handlers = new Map<string, EventHandler<never>>();
  private readonly knownTypes = new Set<string>();
  private readonly maxAttempts: number;
  private consumer: Consumer | null = null;
  private stopping = false;
  private joined = false;
  private restartTimer: NodeJS.Timeout | null = null;
  readonly stats = { handled: 0, duplicates: 0, ignored: 0, deadLettered: 0 };

  constructor(private readonly options: EventConsumerOptions) {
    this.schema = checkedSchemaName(options.schema);
    this.maxAttempts = options.maxAttempts ?? 5;
    for (const handler of options.handlers) {
      this.handlers.set(`${handler.contract.type}@${handler.contract.version}`, handler);
      this.knownTypes.add(handler.contract.type);
    }
  }

  /** True while the consumer is a member of its group and consuming. */
  get running(): boolean {
    return this.joined;
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.joined = false;
    // A half-started or crashed consumer from an earlier attempt must not linger in the group.
    await this.consumer?.disconnect().catch(() => undefined);
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 10, restartOnFailure: async () => !this.stopping },
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
    });
    consumer.on(consumer.events.STOP, () => {
      this.joined = false;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.joined = false;
      this.options.logger.warn({ err: payload.error, restart: payload.restart }, 'consumer crashed');
      // kafkajs restarts only after retriable errors; after any other, start again ourselves.
      if (!payload.restart && !this.stopping) this.scheduleRestart();
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        await this.process(topic, partition, message, heartbeat);
      },
    });
  }

  private scheduleRestart(): void {
    if (this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.start().catch((error) => {
        this.options.logger.error({ err: error }, 'consumer restart failed; trying again');
        this.scheduleRestart();
      });
    }, 5_000);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect();
  }

  /** Handles one raw message; public so tests can drive it without a broker round trip. */
  async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void> = async () => undefined,
  ): Promise<HandleOutcome> {
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(JSON.parse(message.value?.toString('utf8') ?? ''));
    } catch (error) {
      await this.deadLetter(topic, partition, message, error);
      return 'dead-lettered';
    }
    const handler = this.handlers.get(`${envelope.type}@${envelope.version}`);
    if (!handler) {
      if (this.knownTypes.has(envelope.type)) {
        // A version this consumer does not know yet: skipping it would silently lose its effect.
        await this.deadLetter(topic, partition, message, new EventContractError('Unsupported event version', [`${envelope.type} v${envelope.version}`]));
        return 'dead-lettered';
      }
      this.stats.ignored += 1;
      return 'ignored';
    }
    let event: EventEnvelope<never>;
    try {
      event = parsePayload(handler.contract, envelope);
    } catch (error) {
      await this.deadLetter(topic, partition, message, error);
      return 'dead-lettered';
    }
    return this.handleWithRetries(handler, event, topic, partition, message, heartbeat);
  }

  private async handleWithRetries(
    handler: EventHandler<never>,
    event: EventEnvelope<never>,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<HandleOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const fresh = await this.handleOnce(handler, event);
        if (fresh) this.stats.handled += 1;
        else this.stats.duplicates += 1;
        return fresh ? 'handled' : 'duplicate';
      } catch (error) {
        const transient = isTransientDatabaseError(error);
        const permanent = error instanceof UnprocessableEventError || error instanceof EventContractError;
        if (permanent || (!transient && attempt >= this.maxAttempts) || this.stopping) {
          if (this.stopping && !permanent) throw error; // leave the offset uncommitted: redelivered after restart
          await this.deadLetter(topic, partition, message, error);
          return 'dead-lettered';
        }
        const delay = Math.min(5_000, 100 * 2 ** Math.min(attempt, 6));
        this.options.logger.warn(
          { err: error, eventId: event.id, type: event.type, attempt, transient, retryInMs: delay },
          'event handler failed; retrying',
        );
        await sleep(delay);
        // A rebalance makes this throw: the message is then redelivered to whoever owns the partition.
        await heartbeat();
      }
    }
  }

  /** Returns false when the event had already been handled. */
  private async handleOnce(handler: EventHandler<never>, event: EventEnvelope<never>): Promise<boolean> {
    return withTenant(this.options.dataSource, event.tenantId, async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO ${this.schema}.inbox (consumer, event_id, tenant_id, event_type)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.groupId, event.id, event.tenantId, event.type],
      );
      if (claimed.length === 0) return false;
      await handler.handle(event, manager);
      return true;
    });
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.options.logger.error(
      { topic, partition, offset: message.offset, reason },
      'message cannot be processed; sending it to the dead-letter topic',
    );
    await this.options.deadLetterProducer.send([
      {
        topic: this.options.deadLetterTopic,
        messages: [
          {
            key: message.key?.toString('utf8') ?? '',
            value: message.value?.toString('utf8') ?? '',
            headers: {
              'dlt-original-topic': topic,
              'dlt-original-partition': String(partition),
              'dlt-original-offset': message.offset,
              'dlt-consumer-group': this.options.groupId,
              'dlt-reason': reason.slice(0, 2_000),
              'dlt-failed-at': new Date().toISOString(),
            },
          },
        ],
      },
    ]);
    this.stats.deadLettered += 1;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
