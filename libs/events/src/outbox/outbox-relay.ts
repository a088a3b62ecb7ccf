import { Client } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from '@redress/logger';
import type { EventProducer, OutgoingMessage, TopicBatch } from '../kafka/event-transport';
import { checkedSchemaName, outboxChannel } from './outbox.sql';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  schema: string;
  /** A URL for the dedicated LISTEN connection (pooled connections cannot hold a LISTEN). */
  listenUrl: string;
  producer: EventProducer;
  logger: Logger;
  batchSize?: number;
  /** Safety net for a lost notification or rows held back by another relay; not the normal path. */
  sweepIntervalMs?: number;
  maxBackoffMs?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionHours?: number;
}

interface PendingRow {
  seq: string;
  topic: string;
  message_key: string;
  event_type: string;
  /** The envelope as stored text: read as text so it is not parsed and serialised again per event. */
  value: string;
  event_id: string;
  tenant_id: string;
  correlation_id: string;
}

/**
 * Publishes committed outbox rows to Kafka, keyed by aggregate id so one case's events stay in
 * order. Woken by NOTIFY on commit, drains in batches with FOR UPDATE SKIP LOCKED so several
 * instances can share the work, and never publishes a row while an earlier row with the same key
 * is still pending elsewhere. Delivery is at least once; consumers deduplicate by event id.
 */
export class OutboxRelay {
  private readonly schema: string;
  private readonly batchSize: number;
  private readonly sweepIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly retentionHours: number;
  private listener: Client | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = true;
  private failures = 0;
  private lastCleanup = 0;
  private published = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.schema = checkedSchemaName(options.schema);
    this.batchSize = options.batchSize ?? 500;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 2_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.retentionHours = options.retentionHours ?? 72;
  }

  get publishedCount(): number {
    return this.published;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen().catch((error) => this.onListenerLost(error));
    this.sweepTimer = setInterval(() => this.wake(), this.sweepIntervalMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.draining;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Drains now, or right after the drain in progress. */
  wake(): void {
    // While backing off after a failure, only the retry timer may start the next attempt.
    if (this.stopped || this.retryTimer) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.wakeAgain && !this.stopped && !this.retryTimer) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.listenUrl, application_name: `${this.schema}-outbox-listener` });
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.onListenerLost(error));
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel(this.schema)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }

  private onListenerLost(error: unknown): void {
    if (this.stopped) return;
    this.options.logger.warn({ err: error }, 'outbox listener lost; relying on the sweep until it reconnects');
    const old = this.listener;
    this.listener = null;
    void old?.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.stopped && !this.listener) void this.listen().catch((e) => this.onListenerLost(e));
    }, 1_000).unref();
  }

  private async drain(): Promise<void> {
    try {
      let batch: { read: number; published: number };
      do {
        batch = await this.publishBatch();
        this.published += batch.published;
        // A full batch means more may wait; stop only when it was short, or all of it was held back.
      } while (batch.read === this.batchSize && batch.published > 0 && !this.stopped);
      this.failures = 0;
      await this.cleanupIfDue();
    } catch (error) {
      this.failures += 1;
      const delay = Math.min(this.maxBackoffMs, 100 * 2 ** Math.min(this.failures, 10));
      this.options.logger.warn({ err: error, failures: this.failures, retryInMs: delay }, 'outbox relay failed; will retry');
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.wake();
      }, delay);
    }
  }

  /** One transaction: lock a batch, publish what may go now, mark it published. */
  private async publishBatch(): Promise<{ read: number; published: number }> {
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Losing this commit in a crash only republishes the batch, which consumers deduplicate:
      // no need to wait for the disk flush.
      await runner.query('SET LOCAL synchronous_commit = off');
      const rows: PendingRow[] = await runner.query(
        `SELECT seq, topic, message_key, event_type, envelope::text AS value, event_id, tenant_id,
                envelope->>'correlationId' AS correlation_id
           FROM ${this.schema}.outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      const ready = rows.length ? await this.inKeyOrder(runner, rows) : [];
      if (ready.length) {
        await this.options.producer.send(toBatches(ready));
        await runner.query(`UPDATE ${this.schema}.outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
          ready.map((r) => r.seq),
        ]);
      }
      await runner.commitTransaction();
      return { read: rows.length, published: ready.length };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Holds back every row whose key has an earlier pending row that this batch does not hold (it is
   * locked by another relay instance, or committed after this batch was read), so a case's events
   * never overtake each other across relays. The held-back rows go in a later round.
   */
  private async inKeyOrder(runner: QueryRunner, rows: PendingRow[]): Promise<PendingRow[]> {
    // The batch is in seq order, so the last row of a key has its highest seq.
    const lastSeqOfKey = new Map<string, string>();
    for (const row of rows) lastSeqOfKey.set(row.message_key, row.seq);
    const blocked: { message_key: string }[] = await runner.query(
      `SELECT DISTINCT mine.key AS message_key
         FROM unnest($1::text[], $2::bigint[]) AS mine(key, last_seq)
         JOIN ${this.schema}.outbox o
           ON o.message_key = mine.key AND o.seq < mine.last_seq AND o.published_at IS NULL
        WHERE o.seq <> ALL($3::bigint[])`,
      [[...lastSeqOfKey.keys()], [...lastSeqOfKey.values()], rows.map((r) => r.seq)],
    );
    if (blocked.length === 0) return rows;
    const keys = new Set(blocked.map((b) => b.message_key));
    return rows.filter((r) => !keys.has(r.message_key));
  }

  private async cleanupIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60 * 60 * 1000) return;
    this.lastCleanup = now;
    await this.options.dataSource.query(
      `DELETE FROM ${this.schema}.outbox WHERE published_at < now() - make_interval(hours => $1)`,
      [this.retentionHours],
    );
  }
}

function toBatches(rows: PendingRow[]): TopicBatch[] {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: row.value,
      headers: {
        'event-id': row.event_id,
        'event-type': row.event_type,
        'tenant-id': row.tenant_id,
        'correlation-id': row.correlation_id,
      },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
