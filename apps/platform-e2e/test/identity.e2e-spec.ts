import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { urlForDatabase, urlForRole } from '@redress/database';
import {
  bearer,
  DEMO_COMPLAINTS,
  devToken,
  E2E_DATABASE,
  graphqlRequest,
  rolesOf,
  signStaffToken,
  startPlatformUnderTest,
  TEST_IDENTITY,
  waitFor,
} from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;

const PLATFORM_TENANT = '00000000-0000-0000-0000-000000000000';
const platformAdmin = bearer(devToken(PLATFORM_TENANT, 'ops:li-na', ['platform_admin']));

const ONBOARD = `mutation($input: OnboardTenantInput!) { onboardTenant(input: $input) { tenant { id code status } } }`;
const SUSPEND = `mutation($input: ChangeTenantStatusInput!) { suspendTenant(input: $input) { tenant { status } } }`;
const REINSTATE = `mutation($input: ChangeTenantStatusInput!) { reinstateTenant(input: $input) { tenant { status } } }`;
const CURRENT = `{ currentTenant { id name code status clockPolicy { decisionDays } } }`;
const CREATE_CREDENTIAL = `mutation($input: CreateClientCredentialInput!) { createClientCredential(input: $input) { clientSecret credential { id clientId } } }`;
const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id reference } } }`;
const COMPLAINTS = `{ complaints(first: 20) { edges { node { id } } } }`;

/** The demo complainant 王秀英: her phone, name and e-mail must never reach a log. */
const demo = DEMO_COMPLAINTS[0]!.input as { complainant: { name: string; phone: string; email: string } };

let codeSeq = 0;
function lender(name = '同程金融') {
  codeSeq += 1;
  const code = `E${randomUUID().replace(/[^0-9]/g, '').slice(0, 5)}${codeSeq}`.slice(0, 8);
  return { name, code, locales: ['zh_CN', 'en'], defaultLocale: 'zh_CN', timeZone: 'Asia/Shanghai', enabledChannels: ['APP', 'HOTLINE', 'EMAIL'] };
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function postToken(gatewayGraphqlUrl: string, fields: Record<string, string>) {
  const response = await fetch(new URL('/oauth/token', gatewayGraphqlUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('identity, tenants and gateway protections, end to end', () => {
  let platform: Platform;
  const gateway = () => platform.processes.gatewayUrl;
  /** A second gateway in front of the same subgraphs, as production runs it. */
  const guarded = () => platform.processes.urlOf('guarded');
  const secrets: string[] = [];

  async function onboard(input = lender()) {
    const result = await graphqlRequest<{ onboardTenant: { tenant: { id: string; code: string; status: string } } }>(gateway(), ONBOARD, { input }, platformAdmin);
    expect(result.errors).toBeUndefined();
    return result.data!.onboardTenant.tenant;
  }

  async function credentialFor(tenantId: string) {
    const created = await graphqlRequest<{ createClientCredential: { clientSecret: string; credential: { clientId: string } } }>(
      gateway(),
      CREATE_CREDENTIAL,
      { input: { name: '合作方 App' } },
      bearer(devToken(tenantId, 'admin:wang-fang', ['tenant_admin'])),
    );
    expect(created.errors).toBeUndefined();
    const { clientSecret, credential } = created.data!.createClientCredential;
    secrets.push(clientSecret);
    return { clientId: credential.clientId, clientSecret };
  }

  beforeAll(async () => {
    platform = await startPlatformUnderTest('identity');
    platform.processes.addGateway('guarded', platform.processes.port('gateway') + 50, {
      NODE_ENV: 'production',
      REQUIRE_REGISTERED_TENANT: 'true',
      MAX_QUERY_DEPTH: '2',
      RATE_LIMIT_POINTS: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    });
    await platform.processes.start('guarded');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('onboards a lender through the graph, which can then be called as at once', async () => {
    const tenant = await onboard(lender('同程金融'));
    expect(tenant.status).toBe('ACTIVE');
    const current = await graphqlRequest<{ currentTenant: { id: string; name: string; clockPolicy: { decisionDays: number } } }>(
      guarded(),
      CURRENT,
      {},
      bearer(devToken(tenant.id, 'handler:zhou-min', ['handler'])),
    );
    expect(current.errors).toBeUndefined();
    expect(current.data?.currentTenant).toMatchObject({ id: tenant.id, name: '同程金融', clockPolicy: { decisionDays: 15 } });
    const filed = await graphqlRequest(guarded(), FILE, { input: DEMO_COMPLAINTS[0]!.input }, bearer(devToken(tenant.id, 'partner-app:e2e', ['partner_app'])));
    expect(filed.errors).toBeUndefined();
  });

  it('refuses a lender that was never onboarded (production setting)', async () => {
    const result = await graphqlRequest(guarded(), CURRENT, {}, bearer(devToken(randomUUID(), 'handler:x', ['handler'])));
    expect(result.status).toBe(403);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses a role calling a tenancy operation it may not', async () => {
    const tenant = await onboard();
    const asHandler = await graphqlRequest(gateway(), ONBOARD, { input: lender() }, bearer(devToken(tenant.id, 'handler:x', ['handler'])));
    expect(asHandler.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const asTenantAdmin = await graphqlRequest(gateway(), SUSPEND, { input: { tenantId: tenant.id, reason: 'x' } }, bearer(devToken(tenant.id, 'admin:x', ['tenant_admin'])));
    expect(asTenantAdmin.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const asPartner = await graphqlRequest(gateway(), CREATE_CREDENTIAL, { input: { name: 'x' } }, bearer(devToken(tenant.id, 'partner-app:x', ['partner_app'])));
    expect(asPartner.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const tenantsAsAdmin = await graphqlRequest(gateway(), `{ tenants(first: 5) { edges { node { id } } } }`, {}, bearer(devToken(tenant.id, 'admin:x', ['tenant_admin'])));
    expect(tenantsAsAdmin.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('exchanges client credentials for a short-lived token, also for one borrower only', async () => {
    const tenant = await onboard();
    const { clientId, clientSecret } = await credentialFor(tenant.id);

    const issued = await postToken(gateway(), { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    const asApp = await graphqlRequest<{ currentTenant: { id: string } }>(gateway(), CURRENT, {}, bearer(issued.body['access_token']!));
    expect(asApp.data?.currentTenant.id).toBe(tenant.id);

    const scoped = await postToken(gateway(), { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, borrower_id: 'NWD-C-000123' });
    expect(scoped.status).toBe(200);
    const claims = JSON.parse(Buffer.from(scoped.body['access_token']!.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ tenant_id: tenant.id, roles: ['borrower'], borrower_id: 'NWD-C-000123', sub: `client:${clientId}` });
    // A borrower-scoped caller is not the lender's app: the lender's settings are not theirs to read.
    const scopedCall = await graphqlRequest(gateway(), CURRENT, {}, bearer(scoped.body['access_token']!));
    expect(scopedCall.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    expect(await postToken(gateway(), { grant_type: 'client_credentials', client_id: clientId, client_secret: `${clientSecret}x` })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', code: 'UNAUTHENTICATED' },
    });
    expect((await postToken(gateway(), { grant_type: 'password', client_id: clientId, client_secret: clientSecret })).body).toMatchObject({
      error: 'unsupported_grant_type',
      code: 'BAD_USER_INPUT',
    });
    expect((await postToken(gateway(), { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, borrower_id: '王 秀英' })).body).toMatchObject({
      error: 'invalid_request',
    });
  });

  it('refuses a suspended lender (tokens and token exchange alike), keeps its data, and lets it back in when reinstated', async () => {
    const tenant = await onboard();
    const { clientId, clientSecret } = await credentialFor(tenant.id);
    const handler = bearer(devToken(tenant.id, 'handler:zhou-min', ['handler']));
    const filed = await graphqlRequest<{ fileComplaint: { complaint: { id: string } } }>(gateway(), FILE, { input: DEMO_COMPLAINTS[1]!.input }, bearer(devToken(tenant.id)));
    expect(filed.errors).toBeUndefined();

    const suspended = await graphqlRequest(gateway(), SUSPEND, { input: { tenantId: tenant.id, reason: '监管要求暂停接入' } }, platformAdmin);
    expect(suspended.errors).toBeUndefined();
    const refused = await waitFor('the suspension to reach the gateway', async () => {
      const r = await graphqlRequest(gateway(), COMPLAINTS, {}, handler);
      return r.errors?.[0]?.extensions?.['code'] === 'FORBIDDEN' ? r : null;
    }, 10_000, 200);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.message).toContain('suspended');
    expect(await postToken(gateway(), { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client' },
    });

    await graphqlRequest(gateway(), REINSTATE, { input: { tenantId: tenant.id, reason: '整改完成' } }, platformAdmin);
    const back = await waitFor('the reinstatement to reach the gateway', async () => {
      const r = await graphqlRequest<{ complaints: { edges: { node: { id: string } }[] } }>(gateway(), COMPLAINTS, {}, handler);
      return r.data ? r : null;
    }, 10_000, 200);
    expect(back.data!.complaints.edges.map((e) => e.node.id)).toContain(filed.data!.fileComplaint.complaint.id);
  });

  it("ignores a header naming another tenant: the token's tenant alone decides", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const forged = { 'x-tenant-id': b, 'x-redress-tenant': b, 'x-redress-context': b64({ caller: { tenantId: b } }), 'x-redress-signature': 'forged' };
    const filed = await graphqlRequest<{ fileComplaint: { complaint: { id: string } } }>(gateway(), FILE, { input: DEMO_COMPLAINTS[0]!.input }, {
      ...bearer(devToken(a)),
      ...forged,
    });
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.fileComplaint.complaint.id;
    const asB = await graphqlRequest<{ complaints: { edges: unknown[] } }>(gateway(), COMPLAINTS, {}, bearer(devToken(b)));
    expect(asB.data?.complaints.edges).toEqual([]);
    const asAWithHeader = await graphqlRequest<{ complaints: { edges: { node: { id: string } }[] } }>(gateway(), COMPLAINTS, {}, {
      ...bearer(devToken(a)),
      'x-tenant-id': b,
    });
    expect(asAWithHeader.data?.complaints.edges.map((e) => e.node.id)).toEqual([id]);
  });

  it('refuses expired, unknown-key, forged and alg:none tokens as UNAUTHENTICATED', async () => {
    const tenantId = randomUUID();
    const claims = { tenantId, actorId: 'handler:x', roles: ['handler'] };
    const other = generateKeyPairSync('ed25519').privateKey;
    const now = Math.floor(Date.now() / 1000);
    const tokens = {
      expired: signStaffToken(TEST_IDENTITY, claims, { now: Date.now() - 3 * 3600_000, expiresInSeconds: 3600 }),
      unknownKey: signStaffToken(TEST_IDENTITY, claims, { key: { kid: 'rotated-out-2025', privateKey: other } }),
      forgedWithKnownKid: signStaffToken(TEST_IDENTITY, claims, { key: { kid: TEST_IDENTITY.staffKey.kid, privateKey: other } }),
      algNone: `${b64({ alg: 'none', typ: 'JWT', kid: TEST_IDENTITY.staffKey.kid })}.${b64({
        iss: TEST_IDENTITY.issuer,
        aud: TEST_IDENTITY.audience,
        sub: 'handler:x',
        tenant_id: tenantId,
        roles: ['platform_admin'],
        iat: now,
        exp: now + 600,
      })}.`,
      wrongAudience: signStaffToken(TEST_IDENTITY, claims, { payload: { aud: 'another-product' } }),
      oldDevToken: `dev.${b64({ tenantId, actorId: 'x', roles: ['handler'] })}`,
    };
    for (const [what, token] of Object.entries(tokens)) {
      const result = await graphqlRequest(gateway(), COMPLAINTS, {}, bearer(token));
      expect({ what, status: result.status, code: result.errors?.[0]?.extensions?.['code'], data: result.data ?? null }).toEqual({
        what,
        status: 401,
        code: 'UNAUTHENTICATED',
        data: null,
      });
    }
    const none = await graphqlRequest(gateway(), COMPLAINTS, {});
    expect(none.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a query over the depth limit before it reaches a subgraph', async () => {
    const tenant = await onboard();
    const auth = bearer(devToken(tenant.id, 'admin:depth', ['tenant_admin']));
    const shallow = await graphqlRequest(guarded(), `{ currentTenant { clockPolicy { decisionDays } } }`, {}, auth);
    expect(shallow.errors).toBeUndefined();
    const deep = await graphqlRequest(guarded(), `{ clientCredentials(first: 1) { edges { node { id } } } }`, {}, auth);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 2 });
  });

  it('refuses a query whose estimated cost is over the limit, naming the cost, before it reaches a subgraph', async () => {
    const auth = bearer(devToken(randomUUID(), 'handler:cost', ['handler']));
    const costly = await graphqlRequest(
      gateway(),
      `{ complaints(first: 100) { edges { node { id notifications(first: 100) { edges { node { subject body } } } } } } }`,
      {},
      auth,
    );
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 5_000 });
    expect(Number(costly.errors?.[0]?.extensions?.['cost'])).toBeGreaterThan(5_000);
    const modest = await graphqlRequest(gateway(), `{ complaints(first: 10) { edges { node { id notifications(first: 5) { edges { node { subject } } } } } } }`, {}, auth);
    expect(modest.errors).toBeUndefined();
  });

  it('refuses introspection in production mode (and allows it in development)', async () => {
    const tenant = await onboard();
    const auth = bearer(devToken(tenant.id, 'admin:introspect', ['tenant_admin']));
    const production = await graphqlRequest(guarded(), `{ __schema { queryType { name } } }`, {}, auth);
    expect(production.data ?? null).toBeNull();
    expect(production.errors?.[0]?.message).toMatch(/introspection/i);
    const development = await graphqlRequest<{ __schema: { queryType: { name: string } } }>(gateway(), `{ __schema { queryType { name } } }`, {}, auth);
    expect(development.data?.__schema.queryType.name).toBe('Query');
  });

  it('limits each client: over the limit is RATE_LIMITED with the wait, as HTTP 429 with Retry-After', async () => {
    const tenant = await onboard();
    const call = (actor: string) =>
      fetch(guarded(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(devToken(tenant.id, actor, ['handler'])) },
        body: JSON.stringify({ query: '{ currentTenant { id } }' }),
      });
    for (let i = 0; i < 5; i += 1) expect((await call('handler:busy')).status).toBe(200);
    const limited = await call('handler:busy');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const body = (await limited.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect((await call('handler:calm')).status).toBe(200);
  });

  it("shows a service's runtime role no tenant-owned row without the tenant setting (client credentials, complaints)", async () => {
    const tenant = await onboard();
    await credentialFor(tenant.id);
    const filed = await graphqlRequest(gateway(), FILE, { input: DEMO_COMPLAINTS[0]!.input }, bearer(devToken(tenant.id)));
    expect(filed.errors).toBeUndefined();
    for (const [schema, table] of [
      ['tenancy', 'client_credentials'],
      ['complaints', 'complaints'],
    ] as const) {
      const app = new Client({ connectionString: urlForRole(urlForDatabase(platform.infra.adminUrl, E2E_DATABASE), rolesOf(schema).app) });
      await app.connect();
      try {
        expect({ table, rows: (await app.query(`SELECT * FROM ${schema}.${table}`)).rows }).toEqual({ table, rows: [] });
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
        expect({ table, n: (await app.query(`SELECT 1 FROM ${schema}.${table}`)).rowCount }).toEqual({ table, n: 1 });
        await app.query('ROLLBACK');
      } finally {
        await app.end();
      }
    }
  });

  it('wrote no personal data and no client secret to any log during the suite', async () => {
    // A refused filing echoes nothing either: bad input that carries the phone number.
    await graphqlRequest(gateway(), FILE, { input: { ...DEMO_COMPLAINTS[0]!.input, channel: 'CARRIER_PIGEON' } }, bearer(devToken(randomUUID())));
    const logDir = path.dirname(platform.processes.logFile('gateway'));
    const logs = readdirSync(logDir).map((f) => ({ file: f, text: readFileSync(path.join(logDir, f), 'utf8') }));
    expect(logs.map((l) => l.file)).toEqual(expect.arrayContaining(['gateway.log', 'guarded.log', 'tenancy.log', 'complaints.log']));
    expect(logs.reduce((n, l) => n + l.text.length, 0)).toBeGreaterThan(0);
    const needles = [demo.complainant.phone, demo.complainant.name, demo.complainant.email, ...secrets];
    expect(secrets.length).toBeGreaterThan(0);
    const found = logs.flatMap((l) => needles.filter((n) => l.text.includes(n)).map((n) => `${l.file}: ${n.slice(0, 4)}…`));
    expect(found).toEqual([]);
  });
});
