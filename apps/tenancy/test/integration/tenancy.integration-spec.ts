import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { adminQuery, INTEGRATION_DATABASE, startServiceUnderTest } from '@redress/devkit';
import { signInternalRequest } from '@redress/graphql-kit';
import { tenancyService } from '../../src/tenancy.service';

const PLATFORM = '00000000-0000-0000-0000-000000000000';
const admin = { actorId: 'ops:li-na', roles: ['platform_admin'] };
const tenantAdmin = { actorId: 'admin:wang-fang', roles: ['tenant_admin'] };

const ONBOARD = `mutation($input: OnboardTenantInput!) { onboardTenant(input: $input) {
  tenant { id name code status revision locales defaultLocale timeZone enabledChannels clockPolicy { firstReplyHours decisionDays } refundPolicy } } }`;
const SUSPEND = `mutation($input: ChangeTenantStatusInput!) { suspendTenant(input: $input) { tenant { id status statusReason revision } } }`;
const REINSTATE = `mutation($input: ChangeTenantStatusInput!) { reinstateTenant(input: $input) { tenant { id status revision } } }`;
const CREATE = `mutation($input: CreateClientCredentialInput!) { createClientCredential(input: $input) { clientSecret credential { id clientId name roles revokedAt } } }`;
const REVOKE = `mutation($input: RevokeClientCredentialInput!) { revokeClientCredential(input: $input) { credential { id revokedAt } } }`;
const LIST = `{ clientCredentials(first: 10) { edges { node { id clientId } } } }`;
const AUDIT = `query($t: ID) { tenantAuditTrail(tenantId: $t, first: 20) { edges { node { action actorId subjectType details requestId } } } }`;

function uniqueCode(): string {
  return `T${randomUUID().replace(/-/g, '').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6)}`;
}

function lender(code = uniqueCode()) {
  return { name: '桔多多', code, locales: ['zh_CN', 'en'], defaultLocale: 'zh_CN', timeZone: 'Asia/Shanghai', enabledChannels: ['APP', 'HOTLINE'] };
}

describe('tenancy (in process, real PostgreSQL and Kafka)', () => {
  let svc: Awaited<ReturnType<typeof startServiceUnderTest>>;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => adminQuery<T>(svc.infra.adminUrl, INTEGRATION_DATABASE, text, params);

  beforeAll(async () => {
    svc = await startServiceUnderTest(tenancyService);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  async function onboard(input = lender()) {
    const result = await svc.asGateway<{ onboardTenant: { tenant: { id: string; code: string } } }>(PLATFORM, ONBOARD, { input }, admin);
    expect(result.errors).toBeUndefined();
    return result.data!.onboardTenant.tenant;
  }

  it('onboards a lender: the registry row, an audit entry and TenantOnboarded in the outbox', async () => {
    const input = { ...lender(), refundPolicy: { autoApproveBelowMinor: 5000 } };
    const result = await svc.asGateway<{ onboardTenant: { tenant: Record<string, unknown> } }>(PLATFORM, ONBOARD, { input }, admin);
    expect(result.errors).toBeUndefined();
    const tenant = result.data!.onboardTenant.tenant;
    expect(tenant).toMatchObject({
      code: input.code,
      status: 'ACTIVE',
      revision: 1,
      locales: ['zh_CN', 'en'],
      clockPolicy: { firstReplyHours: 24, decisionDays: 15 },
      refundPolicy: { autoApproveBelowMinor: 5000 },
    });
    const events = await sql<{ envelope: { type: string; tenantId: string; payload: { code: string; locales: string[] } } }>(
      `SELECT envelope FROM tenancy.outbox WHERE tenant_id = $1`,
      [tenant['id']],
    );
    expect(events.map((e) => [e.envelope.type, e.envelope.payload.code, e.envelope.payload.locales])).toEqual([['tenants.TenantOnboarded', input.code, ['zh-CN', 'en']]]);
    const audit = await sql<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM tenancy.audit_trail WHERE tenant_id = $1`, [tenant['id']]);
    expect(audit).toEqual([{ action: 'tenant.onboarded', actor_id: 'ops:li-na' }]);
  });

  it('refuses looser-than-regulatory clocks, a taken code and a non-administrator, storing nothing', async () => {
    const code = uniqueCode();
    const loose = await svc.asGateway(PLATFORM, ONBOARD, {
      input: { ...lender(code), clockPolicy: { firstReplyHours: 24, decisionDays: 30, complexExtensionDays: 15, seniorExtensionDays: 30, warningHours: 4 } },
    }, admin);
    expect(loose.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clockPolicy.decisionDays' });
    const asHandler = await svc.asGateway(randomUUID(), ONBOARD, { input: lender(code) }, { actorId: 'handler:x', roles: ['handler'] });
    expect(asHandler.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await sql(`SELECT 1 FROM tenancy.tenants WHERE code = $1`, [code])).toHaveLength(0);
    await onboard(lender(code));
    const again = await svc.asGateway(PLATFORM, ONBOARD, { input: lender(code) }, admin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
  });

  it('suspends and reinstates, each once, with events and audit entries; the status endpoint tells the gateway', async () => {
    const tenant = await onboard();
    const suspended = await svc.asGateway<{ suspendTenant: { tenant: Record<string, unknown> } }>(PLATFORM, SUSPEND, { input: { tenantId: tenant.id, reason: '监管要求暂停接入' } }, admin);
    expect(suspended.data?.suspendTenant.tenant).toMatchObject({ status: 'SUSPENDED', statusReason: '监管要求暂停接入', revision: 2 });
    const twice = await svc.asGateway(PLATFORM, SUSPEND, { input: { tenantId: tenant.id, reason: 'again' } }, admin);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', from: 'SUSPENDED', to: 'SUSPENDED' });

    const path = `/internal/v1/tenants/${tenant.id}/status`;
    const status = async () =>
      (await (await fetch(new URL(path, svc.running.url), { headers: signInternalRequest(svc.gatewaySecret, 'GET', path, '') })).json()) as { status: string };
    expect((await status()).status).toBe('SUSPENDED');
    const reinstated = await svc.asGateway<{ reinstateTenant: { tenant: Record<string, unknown> } }>(PLATFORM, REINSTATE, { input: { tenantId: tenant.id, reason: '整改完成' } }, admin);
    expect(reinstated.data?.reinstateTenant.tenant).toMatchObject({ status: 'ACTIVE', revision: 3 });
    expect((await status()).status).toBe('ACTIVE');

    const events = await sql<{ t: string; s: string | null }>(`SELECT envelope->>'type' AS t, envelope->'payload'->>'status' AS s FROM tenancy.outbox WHERE tenant_id = $1 ORDER BY seq`, [tenant.id]);
    expect(events).toEqual([
      { t: 'tenants.TenantOnboarded', s: null },
      { t: 'tenants.TenantStatusChanged', s: 'SUSPENDED' },
      { t: 'tenants.TenantStatusChanged', s: 'ACTIVE' },
    ]);
    const unknown = `/internal/v1/tenants/${randomUUID()}/status`;
    const answer = await fetch(new URL(unknown, svc.running.url), { headers: signInternalRequest(svc.gatewaySecret, 'GET', unknown, '') });
    expect(((await answer.json()) as { status: string }).status).toBe('UNKNOWN');
    const unsigned = await fetch(new URL(path, svc.running.url));
    expect(unsigned.status).toBe(401);
  });

  it("changes a lender's settings: its own administrator or a platform administrator, republishing TenantOnboarded with the next revision", async () => {
    const tenant = await onboard();
    const UPDATE = `mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { tenant { revision clockPolicy { decisionDays } enabledChannels } } }`;
    const strict = { firstReplyHours: 12, decisionDays: 10, complexExtensionDays: 15, seniorExtensionDays: 30, warningHours: 4 };
    const own = await svc.asGateway<{ updateTenantSettings: { tenant: Record<string, unknown> } }>(tenant.id, UPDATE, { input: { clockPolicy: strict, expectedRevision: 1 } }, tenantAdmin);
    expect(own.errors).toBeUndefined();
    expect(own.data!.updateTenantSettings.tenant).toMatchObject({ revision: 2, clockPolicy: { decisionDays: 10 } });
    const stale = await svc.asGateway(tenant.id, UPDATE, { input: { enabledChannels: ['APP'], expectedRevision: 1 } }, tenantAdmin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', revision: 2 });
    const loose = await svc.asGateway(tenant.id, UPDATE, { input: { clockPolicy: { ...strict, firstReplyHours: 48 } } }, tenantAdmin);
    expect(loose.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clockPolicy.firstReplyHours' });
    const foreign = await svc.asGateway((await onboard()).id, UPDATE, { input: { tenantId: tenant.id, enabledChannels: ['APP'] } }, tenantAdmin);
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const asHandler = await svc.asGateway(tenant.id, UPDATE, { input: { enabledChannels: ['APP'] } }, { actorId: 'handler:x', roles: ['handler'] });
    expect(asHandler.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const byPlatform = await svc.asGateway<{ updateTenantSettings: { tenant: Record<string, unknown> } }>(PLATFORM, UPDATE, { input: { tenantId: tenant.id, enabledChannels: ['APP'] } }, admin);
    expect(byPlatform.data!.updateTenantSettings.tenant).toMatchObject({ revision: 3, enabledChannels: ['APP'] });

    const events = await sql<{ r: number; d: string }>(
      `SELECT (envelope->'payload'->>'revision')::int AS r, envelope->'payload'->'clockPolicy'->>'decisionDays' AS d FROM tenancy.outbox WHERE tenant_id = $1 ORDER BY seq`,
      [tenant.id],
    );
    expect(events).toEqual([{ r: 1, d: '15' }, { r: 2, d: '10' }, { r: 3, d: '10' }]);
    const audit = await sql<{ action: string; changed: string[] }>(
      `SELECT action, ARRAY(SELECT jsonb_object_keys(details->'changed')) AS changed FROM tenancy.audit_trail WHERE tenant_id = $1 AND action = 'tenant.settingsChanged' ORDER BY at`,
      [tenant.id],
    );
    expect(audit).toEqual([{ action: 'tenant.settingsChanged', changed: ['clockPolicy'] }, { action: 'tenant.settingsChanged', changed: ['enabledChannels'] }]);
  });

  it('creates client credentials whose secret is shown once, stored hashed, verified only when signed, and revocable', async () => {
    const tenant = await onboard();
    const created = await svc.asGateway<{ createClientCredential: { clientSecret: string; credential: { id: string; clientId: string; roles: string[] } } }>(
      tenant.id,
      CREATE,
      { input: { name: '桔多多 App' } },
      tenantAdmin,
    );
    expect(created.errors).toBeUndefined();
    const { clientSecret, credential } = created.data!.createClientCredential;
    expect(credential.roles).toEqual(['partner_app']);
    const [row] = await sql<{ secret_hash: string }>(`SELECT secret_hash FROM tenancy.client_credentials WHERE id = $1`, [credential.id]);
    expect(row!.secret_hash.startsWith('scrypt$')).toBe(true);
    expect(row!.secret_hash).not.toContain(clientSecret);

    const verify = async (secret: string, signed = true) => {
      const body = JSON.stringify({ clientId: credential.clientId, clientSecret: secret });
      const path = '/internal/v1/client-credentials/verify';
      const response = await fetch(new URL(path, svc.running.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signed ? signInternalRequest(svc.gatewaySecret, 'POST', path, body) : {}) },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await verify(clientSecret)).toEqual({
      status: 200,
      body: { tenantId: tenant.id, clientId: credential.clientId, credentialId: credential.id, roles: ['partner_app'], tenantStatus: 'ACTIVE' },
    });
    expect(await verify(`${clientSecret}x`)).toEqual({ status: 401, body: { error: 'invalid_client' } });
    expect((await verify(clientSecret, false)).status).toBe(401);

    // Another lender's administrator sees none of it and cannot revoke it.
    const other = await onboard();
    const foreignList = await svc.asGateway<{ clientCredentials: { edges: unknown[] } }>(other.id, LIST, {}, tenantAdmin);
    expect(foreignList.data?.clientCredentials.edges).toEqual([]);
    const foreignRevoke = await svc.asGateway(other.id, REVOKE, { input: { id: credential.id } }, tenantAdmin);
    expect(foreignRevoke.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    // A handler may not manage credentials.
    const asHandler = await svc.asGateway(tenant.id, CREATE, { input: { name: 'x' } }, { actorId: 'handler:x', roles: ['handler'] });
    expect(asHandler.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const revoked = await svc.asGateway(tenant.id, REVOKE, { input: { id: credential.id } }, tenantAdmin);
    expect(revoked.errors).toBeUndefined();
    expect(await verify(clientSecret)).toEqual({ status: 401, body: { error: 'invalid_client' } });

    const audit = await svc.asGateway<{ tenantAuditTrail: { edges: { node: { action: string; actorId: string; details: Record<string, unknown> } }[] } }>(
      tenant.id,
      AUDIT,
      {},
      { actorId: 'compliance:chen', roles: ['compliance'] },
    );
    const actions = audit.data!.tenantAuditTrail.edges.map((e) => e.node.action);
    expect(actions).toEqual(['clientCredential.revoked', 'clientCredential.created', 'tenant.onboarded']);
    expect(JSON.stringify(audit.data)).not.toContain(clientSecret);
  });

  it('lets the runtime role only append to the audit trail, and shows it no tenant-owned row without the tenant setting', async () => {
    const tenant = await onboard();
    await svc.asGateway(tenant.id, CREATE, { input: { name: 'App' } }, tenantAdmin);
    const privileges = await sql<{ p: string; granted: boolean }>(
      `SELECT p, has_table_privilege('tenancy_app', 'tenancy.audit_trail', p) AS granted FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE']) AS p`,
    );
    expect(Object.fromEntries(privileges.map((r) => [r.p, r.granted]))).toEqual({ SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false });

    const app = new Client({ connectionString: svc.databaseUrls.databaseUrl });
    await app.connect();
    try {
      expect((await app.query('SELECT * FROM tenancy.client_credentials')).rows).toEqual([]);
      expect((await app.query('SELECT * FROM tenancy.audit_trail')).rows).toEqual([]);
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      expect((await app.query('SELECT client_id FROM tenancy.client_credentials')).rows).toHaveLength(1);
      await expect(app.query(`UPDATE tenancy.audit_trail SET action = 'forged'`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
    // Not even the owner can rewrite history: the trigger refuses.
    await expect(sql(`DELETE FROM tenancy.audit_trail WHERE tenant_id = $1`, [tenant.id])).rejects.toThrow(/append-only/);
  });
});
