const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

function checked(schema: string): string {
  if (!SCHEMA.test(schema)) throw new Error(`Unsafe schema name "${schema}"`);
  return schema;
}

/** The channel on which a schema's outbox announces committed events. */
export function outboxChannel(schema: string): string {
  return `redress_outbox_${checked(schema)}`;
}

/**
 * DDL of the outbox and inbox tables, for a service's first migration. The statement-level
 * trigger sends NOTIFY, which PostgreSQL delivers only when the writing transaction commits:
 * the relay wakes exactly when there is something it may publish.
 */
export function outboxInboxUpSql(schemaName: string): string[] {
  const s = checked(schemaName);
  return [
    `CREATE TABLE ${s}.outbox (
      seq bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      tenant_id uuid NOT NULL,
      topic text NOT NULL,
      message_key text NOT NULL,
      event_type text NOT NULL,
      -- json, not jsonb: the relay publishes the stored text as is, compact and in writer's key order.
      envelope json NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`,
    `CREATE INDEX outbox_pending_idx ON ${s}.outbox (seq) WHERE published_at IS NULL`,
    `CREATE INDEX outbox_pending_key_idx ON ${s}.outbox (message_key, seq) WHERE published_at IS NULL`,
    `CREATE INDEX outbox_published_idx ON ${s}.outbox (published_at) WHERE published_at IS NOT NULL`,
    `CREATE FUNCTION ${s}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${outboxChannel(s)}', '');
        RETURN NULL;
      END $$`,
    `CREATE TRIGGER outbox_notify AFTER INSERT ON ${s}.outbox
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.outbox_notify()`,
    `CREATE TABLE ${s}.inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      tenant_id uuid NOT NULL,
      event_type text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`,
  ];
}

export function outboxInboxDownSql(schemaName: string): string[] {
  const s = checked(schemaName);
  return [
    `DROP TABLE ${s}.inbox`,
    `DROP TRIGGER outbox_notify ON ${s}.outbox`,
    `DROP FUNCTION ${s}.outbox_notify()`,
    `DROP TABLE ${s}.outbox`,
  ];
}

export { checked as checkedSchemaName };
