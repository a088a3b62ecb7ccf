import type { EntityManager } from 'typeorm';
import { createEvent, topicName, type EventContract, type EventEnvelope, type EventMetadata } from '@redress/contracts';
import { checkedSchemaName } from './outbox.sql';

/**
 * Writes events to a service's outbox inside the caller's transaction: the event exists if and
 * only if the state change that caused it committed (STYLE.md habit 5).
 */
export class OutboxWriter {
  private readonly schema: string;

  constructor(
    schema: string,
    private readonly namespace: string,
  ) {
    this.schema = checkedSchemaName(schema);
  }

  async append<P>(
    manager: EntityManager,
    contract: EventContract<P>,
    payload: P,
    meta: EventMetadata,
  ): Promise<EventEnvelope<P>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox writes must happen inside the transaction of the state change');
    }
    const event = createEvent(contract, payload, meta);
    // Writers of one aggregate take turns until commit, so its events commit in seq order: the
    // relay can then never see a later event of an aggregate while an earlier one is uncommitted.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [event.aggregateId]);
    await manager.query(
      `INSERT INTO ${this.schema}.outbox (event_id, tenant_id, topic, message_key, event_type, envelope)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.id, event.tenantId, topicName(this.namespace, contract.topic), event.aggregateId, event.type, JSON.stringify(event)],
    );
    return event;
  }
}
