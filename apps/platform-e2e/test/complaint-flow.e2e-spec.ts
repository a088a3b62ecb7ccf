import { randomUUID } from 'node:crypto';
import {
  adminQuery,
  bearer,
  devToken,
  E2E_DATABASE,
  graphqlRequest,
  startPlatformUnderTest,
  waitFor,
} from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;

const FILE = `mutation File($input: FileComplaintInput!) {
  fileComplaint(input: $input) { complaint { id reference status channel receivedAt firstReplyDueAt decisionDueAt } }
}`;

const COMPLAINT_WITH_NOTICES = `query Complaint($id: ID!) {
  complaint(id: $id) {
    id reference productName complainant { name locale }
    notifications { edges { node { kind channel locale status subject body } } }
  }
}`;

const intake = (overrides: Record<string, unknown> = {}) => ({
  channel: 'APP',
  complainant: { name: '王秀英', phone: '13812341234', email: 'wangxy@example.cn', locale: 'zh_CN' },
  productName: '你我贷·极速借',
  contractNumber: 'NWD-2025-0081123',
  description: '提前还清借款后，平台仍按原期限收取了 380 元服务费，客服只回复标准话术。',
  occurredAt: '2026-10-20T10:00:00+08:00',
  disputedAmount: { amountMinor: 38000, currency: 'CNY' },
  demand: '退还多收的服务费，并书面说明收费依据。',
  ...overrides,
});

describe('a complaint, end to end through the gateway', () => {
  let platform: Platform;
  const tenantId = randomUUID();
  const auth = bearer(devToken(tenantId));
  const gateway = () => platform.processes.gatewayUrl;

  const countRows = async (table: string) =>
    Number((await adminQuery<{ n: string }>(platform.infra.adminUrl, E2E_DATABASE, `SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0]!.n);

  beforeAll(async () => {
    platform = await startPlatformUnderTest('flow');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('files a complaint, publishes ComplaintFiled, and shows the acknowledgement notice on the complaint', async () => {
    const filed = await graphqlRequest<{ fileComplaint: { complaint: { id: string; reference: string; status: string } } }>(
      gateway(),
      FILE,
      { input: intake() },
      auth,
    );
    expect(filed.errors).toBeUndefined();
    const complaint = filed.data!.fileComplaint.complaint;
    expect(complaint.status).toBe('RECEIVED');
    expect(complaint.reference).toMatch(/^TS\d{8}-\d{6}$/);

    const withNotice = await waitFor('the acknowledgement notice', async () => {
      const result = await graphqlRequest<{
        complaint: { notifications: { edges: { node: { kind: string; body: string; locale: string } }[] } };
      }>(gateway(), COMPLAINT_WITH_NOTICES, { id: complaint.id }, auth);
      return result.data?.complaint.notifications.edges.length ? result.data.complaint : null;
    });
    expect(withNotice.notifications.edges).toHaveLength(1);
    const notice = withNotice.notifications.edges[0]!.node;
    expect(notice).toMatchObject({ kind: 'COMPLAINT_RECEIVED', locale: 'zh_CN' });
    expect(notice.body).toContain(complaint.reference);
    expect(notice.body).toContain('你我贷·极速借');
  });

  it('resolves complaints referenced from notices (federated entity references)', async () => {
    const result = await graphqlRequest<{
      notifications: { edges: { node: { complaint: { reference: string; productName: string } } }[] };
    }>(gateway(), '{ notifications(first: 10) { edges { node { complaint { reference productName } } } } }', {}, auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.notifications.edges.length).toBeGreaterThan(0);
    for (const edge of result.data!.notifications.edges) expect(edge.node.complaint.productName).toBe('你我贷·极速借');
  });

  it('pages through complaints with cursors', async () => {
    for (let i = 0; i < 3; i += 1) {
      const r = await graphqlRequest(gateway(), FILE, { input: intake({ productName: `桔多多·第${i}期`, contractNumber: `JDD-2025-33188${i}` }) }, auth);
      expect(r.errors).toBeUndefined();
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { complaints: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } =
        await graphqlRequest(gateway(), 'query($after: String) { complaints(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }', { after }, auth);
      seen.push(...page.data!.complaints.edges.map((e) => e.node.id));
      after = page.data!.complaints.pageInfo.hasNextPage ? page.data!.complaints.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('filters the list and orders it by the soonest decision', async () => {
    const list = (args: string) =>
      graphqlRequest<{ complaints: { edges: { node: { productName: string; decisionDueAt: string } }[] } }>(
        gateway(),
        `{ complaints(first: 50${args}) { edges { node { productName decisionDueAt } } } }`,
        {},
        auth,
      );
    expect((await list(', filter: { productName: "桔多多·第1期" }')).data!.complaints.edges.map((e) => e.node.productName)).toEqual(['桔多多·第1期']);
    expect((await list(', filter: { statuses: [ACCEPTED] }')).data!.complaints.edges).toEqual([]);
    expect((await list(', filter: { channels: [APP], statuses: [RECEIVED] }')).data!.complaints.edges).toHaveLength(4);
    const byDue = (await list(', orderBy: DECISION_DUE_SOONEST_FIRST')).data!.complaints.edges.map((e) => e.node.decisionDueAt);
    expect(byDue).toEqual([...byDue].sort());
    const bad = await list(', filter: { receivedFrom: "2026-11-25T00:00:00Z", receivedTo: "2026-11-24T00:00:00Z" }');
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.receivedTo' });
  });

  it.each([
    ['a missing field', intake({ description: undefined }), 'input.description'],
    ['an unknown channel', intake({ channel: 'FAX' }), 'input.channel'],
    ['text over the limit', intake({ description: '长'.repeat(5_001) }), 'input.description'],
    ['a negative amount', intake({ disputedAmount: { amountMinor: -100, currency: 'CNY' } }), 'input.disputedAmount.amountMinor'],
  ])('refuses %s with BAD_USER_INPUT naming the field, storing and publishing nothing', async (_case, input, field) => {
    const complaintsBefore = await countRows('complaints.complaints');
    const outboxBefore = await countRows('complaints.outbox');
    const result = await graphqlRequest(gateway(), FILE, { input }, auth);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions?.['field']).toBe(field);
    expect(result.errors![0]!.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
    // Bad input is never echoed back with the complainant's personal data in it.
    expect(JSON.stringify(result.errors)).not.toMatch(/王秀英|13812341234/);
    expect(await countRows('complaints.complaints')).toBe(complaintsBefore);
    expect(await countRows('complaints.outbox')).toBe(outboxBefore);
  });

  it("does not show one tenant's complaint to another", async () => {
    const [mine] = await adminQuery<{ id: string }>(platform.infra.adminUrl, E2E_DATABASE, 'SELECT id FROM complaints.complaints WHERE tenant_id = $1 LIMIT 1', [tenantId]);
    const other = bearer(devToken(randomUUID()));
    const byId = await graphqlRequest<{ complaint: unknown }>(gateway(), COMPLAINT_WITH_NOTICES, { id: mine!.id }, other);
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.complaint).toBeNull();
    const list = await graphqlRequest<{ complaints: { edges: unknown[] } }>(gateway(), '{ complaints { edges { node { id } } } }', {}, other);
    expect(list.data!.complaints.edges).toEqual([]);
  });

  it('refuses a caller without credentials', async () => {
    const result = await graphqlRequest(gateway(), '{ complaints { edges { node { id } } } }');
    expect(result.status).toBe(401);
    expect(result.errors![0]!.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it.each(['complaints', 'notifications', 'refunds'])('%s refuses a request that does not come through the gateway', async (service) => {
    const url = platform.processes.urlOf(service);
    const plain = await graphqlRequest(url, '{ _service { sdl } }');
    expect(plain.status).toBe(401);
    expect(plain.errors![0]!.extensions?.['code']).toBe('UNAUTHENTICATED');
    const forged = await graphqlRequest(url, '{ _service { sdl } }', {}, {
      'x-redress-context': Buffer.from(JSON.stringify({ caller: { tenantId, actorId: 'x', roles: [] }, requestId: 'r', issuedAt: Date.now() })).toString('base64url'),
      'x-redress-signature': 'forged',
    });
    expect(forged.status).toBe(401);
  });
});
