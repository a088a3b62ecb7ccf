import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';
import { outboxInboxDownSql, outboxInboxUpSql } from '@redress/events';

/**
 * The tenancy schema.
 * - `tenants`: the registry of lenders. Platform-level: a row is a tenant, no tenant owns it, so it
 *   has no row-level security (only platform administrators reach it through the graph).
 * - `client_credentials`: partner apps' credentials, tenant-owned (RLS). Only scrypt hashes of the
 *   secrets are stored. The gateway's token exchange must find a credential by client id before it
 *   knows the tenant, which RLS rightly forbids the runtime role; `credential_for_client` (SECURITY
 *   DEFINER, owned by the schema owner) returns that one row and nothing else.
 * - `audit_trail`: append-only. Tenant-owned (RLS); the runtime role may INSERT and SELECT only, and
 *   a trigger refuses UPDATE, DELETE and TRUNCATE whoever asks, should a grant ever be widened.
 */
export class CreateTenancy1764460800000 implements MigrationInterface {
  name = 'CreateTenancy1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenancy.tenants (
        id uuid PRIMARY KEY,
        code text NOT NULL CONSTRAINT tenants_code_unique UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9]{1,7}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        locales text[] NOT NULL CHECK (cardinality(locales) >= 1),
        default_locale text NOT NULL,
        time_zone text NOT NULL,
        enabled_channels text[] NOT NULL CHECK (cardinality(enabled_channels) >= 1),
        clock_policy jsonb NOT NULL,
        refund_policy jsonb,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
        status_reason text,
        revision int NOT NULL,
        onboarded_at timestamptz NOT NULL,
        onboarded_by text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX tenants_onboarded_idx ON tenancy.tenants (onboarded_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE tenancy.client_credentials (
        tenant_id uuid NOT NULL REFERENCES tenancy.tenants (id),
        id uuid NOT NULL,
        client_id text NOT NULL CONSTRAINT client_credentials_client_id_unique UNIQUE,
        name text NOT NULL,
        secret_hash text NOT NULL,
        roles text[] NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        revoked_at timestamptz,
        revoked_by text,
        last_used_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX client_credentials_created_idx ON tenancy.client_credentials (tenant_id, created_at DESC, id DESC)`);
    for (const sql of tenantIsolationSql('tenancy.client_credentials')) await q.query(sql);
    await q.query(`
      CREATE FUNCTION tenancy.credential_for_client(p_client_id text)
      RETURNS TABLE (tenant_id uuid, id uuid, client_id text, secret_hash text, roles text[], revoked boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = tenancy, pg_temp AS $$
        SELECT c.tenant_id, c.id, c.client_id, c.secret_hash, c.roles, c.revoked_at IS NOT NULL
          FROM tenancy.client_credentials c WHERE c.client_id = p_client_id
      $$`);

    await q.query(`
      CREATE TABLE tenancy.audit_trail (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        details jsonb,
        request_id text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX audit_trail_at_idx ON tenancy.audit_trail (tenant_id, at DESC, id DESC)`);
    for (const sql of tenantIsolationSql('tenancy.audit_trail')) await q.query(sql);
    await q.query(`
      CREATE FUNCTION tenancy.audit_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'tenancy.audit_trail is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_trail_no_change BEFORE UPDATE OR DELETE ON tenancy.audit_trail
      FOR EACH ROW EXECUTE FUNCTION tenancy.audit_trail_is_append_only()`);
    await q.query(`CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON tenancy.audit_trail
      FOR EACH STATEMENT EXECUTE FUNCTION tenancy.audit_trail_is_append_only()`);

    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON tenancy.audit_trail FROM tenancy_app`);
    await q.query(`REVOKE DELETE, TRUNCATE ON tenancy.tenants FROM tenancy_app`);
    await q.query(`REVOKE DELETE, TRUNCATE ON tenancy.client_credentials FROM tenancy_app`);

    for (const sql of outboxInboxUpSql('tenancy')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxDownSql('tenancy')) await q.query(sql);
    await q.query(`DROP TABLE tenancy.audit_trail`);
    await q.query(`DROP FUNCTION tenancy.audit_trail_is_append_only()`);
    await q.query(`DROP FUNCTION tenancy.credential_for_client(text)`);
    await q.query(`DROP TABLE tenancy.client_credentials`);
    await q.query(`DROP TABLE tenancy.tenants`);
  }
}
