import { randomUUID } from 'node:crypto';
import { AppealUpheldV1, createEvent, TenantOnboardedV1, topicName, TOPICS, type EventContract } from '@redress/contracts';
import { adminQuery, bearer, devToken, E2E_DATABASE, graphqlRequest, startPlatformUnderTest, waitFor, type GraphQLResponse } from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;

const FILE = `mutation($input: FileComplaintInput!) {
  fileComplaint(input: $input) { complaint { id reference status version receivedAt decisionDueAt } mergedInto { id reference } }
}`;
const CASE = `query($id: ID!) { complaint(id: $id) {
  id status version category topic severity
  complainant { name phone email idNumber visibility }
  clocks { kind state dueAt extension extensionReason approvedBy pauseReason }
  timeline { action note }
  evidence { fileName sha256 sizeBytes }
} }`;

interface Filed {
  fileComplaint: { complaint: { id: string; reference: string; status: string; version: number; receivedAt: string; decisionDueAt: string }; mergedInto: { id: string; reference: string } | null };
}
interface Case {
  complaint: {
    id: string;
    status: string;
    version: number;
    complainant: { name: string; phone: string; email: string | null; idNumber: string | null; visibility: string };
    clocks: { kind: string; state: string; dueAt: string; extension: string; extensionReason: string | null; approvedBy: string | null; pauseReason: string | null }[];
    timeline: { action: string; note: string | null }[];
    evidence: { fileName: string; sha256: string; sizeBytes: number }[];
  } | null;
}

const SHA = 'a3f1c9e2b4d6f8a0c2e4f6a8b0d2f4a6c8e0a2c4e6a8b0d2f4a6c8e0a2c4e6a8';

/** The case file of issue 3 and the complaints side of issue 4, through the gateway, against the real services. */
describe('the complaint case file through the gateway', () => {
  let platform: Platform;
  const tenantId = randomUUID();
  const handler = bearer(devToken(tenantId, 'staff-0007', ['handler']));
  const supervisor = bearer(devToken(tenantId, 'supervisor:wu-gang', ['supervisor']));
  const compliance = bearer(devToken(tenantId, 'compliance:lin-fang', ['compliance']));
  const partnerApp = bearer(devToken(tenantId, 'partner-app:niwodai-app', ['partner_app']));
  const gql = <T>(query: string, variables: Record<string, unknown>, auth: Record<string, string>) =>
    graphqlRequest<T>(platform.processes.gatewayUrl, query, variables, auth) as Promise<GraphQLResponse<T>>;
  const intake = (overrides: Record<string, unknown> = {}) => ({
    channel: 'APP',
    topic: 'INTEREST_AND_FEE_TRANSPARENCY',
    complainant: { name: '王秀英', phone: '13812341234', email: 'wangxiuying@example.cn', idNumber: '110101199003074512', locale: 'zh_CN' },
    productName: '你我贷·极速借',
    contractNumber: `NWD-2025-${randomUUID().slice(0, 7)}`,
    description: '提前还清后仍被按原12期收取剩余服务费共380元。',
    ...overrides,
  });
  const file = async (input: Record<string, unknown>, auth = handler) => {
    const result = await gql<Filed>(FILE, { input }, auth);
    expect(result.errors).toBeUndefined();
    return result.data!.fileComplaint;
  };
  const readCase = async (id: string, auth = handler) => (await gql<Case>(CASE, { id }, auth)).data!.complaint!;
  const step = (mutation: string, inputType: string, input: Record<string, unknown>, auth = handler) =>
    gql<Record<string, { complaint: { status: string } }>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { complaint { status } } }`, { input }, auth);
  const publish = async <P>(contract: EventContract<P>, logical: string, payload: P, aggregateId: string) => {
    const producer = platform.kafka.producer();
    await producer.connect();
    const event = createEvent(contract, payload, { tenantId, aggregateId, correlationId: `e2e-${randomUUID()}` });
    await producer.send({ topic: topicName(platform.namespace, logical), messages: [{ key: aggregateId, value: JSON.stringify(event) }] });
    await producer.disconnect();
  };
  const db = <T>(sql: string, params: unknown[] = []) => adminQuery<T>(platform.infra.adminUrl, E2E_DATABASE, sql, params);

  beforeAll(async () => {
    platform = await startPlatformUnderTest('case-file');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('applies a tenant\'s stricter clock policy and reference code from its onboarding', async () => {
    await publish(TenantOnboardedV1, TOPICS.tenantEvents, {
      tenantId,
      name: '你我贷',
      code: 'NWD',
      locales: ['zh-CN', 'en'],
      defaultLocale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      enabledChannels: ['APP', 'HOTLINE', 'REGULATOR_REFERRAL'],
      clockPolicy: { firstReplyHours: 12, decisionDays: 10, complexExtensionDays: 10, seniorExtensionDays: 30, warningHours: 2 },
      refundPolicy: null,
      revision: 1,
      onboardedAt: new Date().toISOString(),
    }, tenantId);
    await waitFor('the tenant settings', async () => (await db('SELECT 1 FROM complaints.tenant_settings WHERE tenant_id = $1', [tenantId])).length > 0);
    const { complaint } = await file(intake());
    expect(complaint.reference).toMatch(/^NWD-TS\d{8}-\d{6}$/);
    expect(new Date(complaint.decisionDueAt).getTime() - new Date(complaint.receivedAt).getTime()).toBe(10 * 24 * 3600 * 1000);
  });

  it('merges a repeat complaint on the same matter into the open one, once', async () => {
    const matter = intake();
    const first = await file(matter);
    const [a, b] = await Promise.all([file({ ...matter, channel: 'HOTLINE' }), file({ ...matter, channel: 'EMAIL' })]);
    for (const repeat of [a, b]) {
      expect(repeat.complaint.status).toBe('MERGED');
      expect(repeat.mergedInto).toEqual({ id: first.complaint.id, reference: first.complaint.reference });
    }
    const original = await readCase(first.complaint.id);
    expect(original.timeline.filter((s) => s.action === 'MERGE_REPEAT')).toHaveLength(2);
    expect(original.status).toBe('RECEIVED');
  });

  it('extends, pauses, resumes and restarts the decision clock, each visible and told to the complainant', async () => {
    const { complaint } = await file(intake());
    const id = complaint.id;
    expect((await step('acceptComplaint', 'ComplaintStepInput', { complaintId: id })).errors).toBeUndefined();

    const complex = await step('extendDecisionClock', 'ExtendDecisionClockInput', { complaintId: id, extension: 'COMPLEX', reason: '涉及多笔交易流水核对' });
    expect(complex.errors).toBeUndefined();
    const furtherByHandler = await step('extendDecisionClock', 'ExtendDecisionClockInput', { complaintId: id, extension: 'FURTHER', reason: '需调取第三方录音' });
    expect(furtherByHandler.errors![0]!.extensions?.['code']).toBe('FORBIDDEN');
    const further = await step('extendDecisionClock', 'ExtendDecisionClockInput', { complaintId: id, extension: 'FURTHER', reason: '需调取第三方录音' }, supervisor);
    expect(further.errors).toBeUndefined();
    let decision = (await readCase(id)).clocks.find((c) => c.kind === 'DECISION')!;
    expect(decision).toMatchObject({ extension: 'FURTHER', extensionReason: '需调取第三方录音', approvedBy: 'supervisor:wu-gang', state: 'RUNNING' });
    // Ten days, plus ten for the complex case, plus thirty: fifty days from receipt under this tenant's policy.
    expect(new Date(decision.dueAt).getTime() - new Date(complaint.receivedAt).getTime()).toBe(50 * 24 * 3600 * 1000);

    expect((await step('pauseDecisionClock', 'PauseDecisionClockInput', { complaintId: id, reason: '委托第三方鉴定通话录音' })).errors).toBeUndefined();
    decision = (await readCase(id)).clocks.find((c) => c.kind === 'DECISION')!;
    expect(decision).toMatchObject({ state: 'PAUSED', pauseReason: '委托第三方鉴定通话录音' });
    const paused = await gql<{ complaints: { edges: { node: { id: string } }[] } }>(
      '{ complaints(first: 50, filter: { clockStates: [PAUSED] }) { edges { node { id } } } }',
      {},
      handler,
    );
    expect(paused.data!.complaints.edges.map((e) => e.node.id)).toEqual([id]);

    expect((await step('resumeDecisionClock', 'ComplaintStepInput', { complaintId: id })).errors).toBeUndefined();
    expect((await step('restartDecisionClock', 'RestartDecisionClockInput', { complaintId: id, newFacts: '借款人补充提交了催收录音' })).errors).toBeUndefined();
    const told = await db<{ action: string; reason: string | null }>(
      `SELECT envelope->'payload'->>'action' AS action, envelope->'payload'->>'reason' AS reason FROM complaints.outbox
        WHERE message_key = $1 AND event_type = 'complaints.ComplaintStatusChanged' ORDER BY seq`,
      [id],
    );
    expect(told.map((e) => e.action)).toEqual(['accept', 'extendDecision', 'extendDecision', 'pauseClock', 'resumeClock', 'restartClock']);
    expect(told[3]!.reason).toBe('委托第三方鉴定通话录音');
  });

  it('keeps personal data sealed in the table, masked for a partner app, and a misconduct reporter for compliance only (audited)', async () => {
    const { complaint } = await file(intake({ category: 'MISCONDUCT_REPORT', topic: 'COLLECTION_CONDUCT', severity: 'HIGH' }));
    const [row] = await db<{ name: string; phone: string; id_number: string }>(
      'SELECT complainant_name AS name, complainant_phone AS phone, complainant_id_number AS id_number FROM complaints.complaints WHERE id = $1',
      [complaint.id],
    );
    for (const value of Object.values(row!)) {
      expect(value.startsWith('pd1.')).toBe(true);
      expect(value).not.toMatch(/王秀英|13812341234|110101199003074512/);
    }
    expect((await readCase(complaint.id)).complainant).toMatchObject({ name: '保密举报人', visibility: 'CONFIDENTIAL', idNumber: null });
    expect((await readCase(complaint.id, compliance)).complainant).toEqual({
      name: '王秀英',
      phone: '13812341234',
      email: 'wangxiuying@example.cn',
      idNumber: '110101199003074512',
      visibility: 'FULL',
    });
    const audited = await db<{ actor_id: string }>(`SELECT actor_id FROM complaints.audit_log WHERE complaint_id = $1 AND action = 'read:confidential-reporter'`, [complaint.id]);
    expect(audited.map((a) => a.actor_id)).toEqual(['compliance:lin-fang']);
    await expect(db('DELETE FROM complaints.audit_log WHERE complaint_id = $1', [complaint.id])).rejects.toThrow('append-only');

    const ordinary = await file(intake());
    expect((await readCase(ordinary.complaint.id, partnerApp)).complainant).toEqual({
      name: '王*英',
      phone: '138****1234',
      email: 'w***@example.cn',
      idNumber: '1101**********4512',
      visibility: 'MASKED',
    });
  });

  it('gives a borrower their own case in plain words, and nobody else\'s', async () => {
    const borrowerA = bearer(devToken(tenantId, 'partner-app:niwodai-app', ['partner_app'], 'NWD-C-880001'));
    const borrowerB = bearer(devToken(tenantId, 'partner-app:niwodai-app', ['partner_app'], 'NWD-C-880002'));
    const { complaint } = await file(intake({ borrowerId: 'someone-else', complainant: { name: '张伟', phone: '13700002222', locale: 'en' } }), borrowerA);
    for (const [mutation, inputType, extra] of [
      ['acceptComplaint', 'ComplaintStepInput', {}],
      ['assignComplaint', 'AssignComplaintInput', { handlerId: 'staff-0007', team: '投诉处理一组' }],
      ['startInvestigation', 'ComplaintStepInput', {}],
      ['requestReview', 'RequestReviewInput', { note: '内部：需法务确认合同条款' }],
    ] as const) {
      expect((await step(mutation, inputType, { complaintId: complaint.id, ...extra })).errors).toBeUndefined();
    }

    const mine = await gql<{ myComplaints: { edges: { node: { reference: string; statusText: string; timeline: { text: string; detail: string | null }[]; nextStep: { text: string } } }[] } }>(
      '{ myComplaints(first: 10) { edges { node { reference statusText timeline { text detail } nextStep { text dueAt } } } } }',
      {},
      borrowerA,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myComplaints.edges).toHaveLength(1);
    const view = mine.data!.myComplaints.edges[0]!.node;
    expect(view).toMatchObject({ reference: complaint.reference, statusText: 'Under internal review', nextStep: { text: 'We will decide and tell you by' } });
    expect(JSON.stringify(view)).not.toMatch(/法务|staff-0007|投诉处理一组/);
    // The same case read through the staff-facing type keeps its internal notes from the borrower too.
    const direct = await gql<{ complaint: { timeline: { action: string; note: string | null }[] } }>('query($id: ID!) { complaint(id: $id) { timeline { action note } } }', { id: complaint.id }, borrowerA);
    expect(direct.data!.complaint.timeline.find((s) => s.action === 'REQUEST_REVIEW')!.note).toBeNull();
    expect((await readCase(complaint.id)).timeline.find((s) => s.action === 'REQUEST_REVIEW')!.note).toBe('内部：需法务确认合同条款');

    for (const query of ['query($id: ID!) { complaint(id: $id) { id } }', 'query($id: ID!) { myComplaint(id: $id) { id } }']) {
      const other = await gql<Record<string, unknown>>(query, { id: complaint.id }, borrowerB);
      expect(other.errors).toBeUndefined();
      expect(Object.values(other.data!)[0]).toBeNull();
    }
    const listed = await gql<{ complaints: { edges: unknown[] } }>('{ complaints(first: 100) { edges { node { id } } } }', {}, borrowerB);
    expect(listed.data!.complaints.edges).toEqual([]);
    const stepByBorrower = await step('acceptResolution', 'ComplaintStepInput', { complaintId: complaint.id }, borrowerB);
    expect(stepByBorrower.errors![0]!.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('publishes the decision, and reopens the case exactly once when an appeal against it is upheld', async () => {
    const { complaint } = await file(intake());
    const id = complaint.id;
    for (const [mutation, inputType, extra] of [
      ['acceptComplaint', 'ComplaintStepInput', {}],
      ['assignComplaint', 'AssignComplaintInput', { handlerId: 'staff-0007' }],
      ['startInvestigation', 'ComplaintStepInput', {}],
      ['proposeResolution', 'ProposeResolutionInput', { outcome: 'NOT_UPHELD', reasons: '服务费已在合同第5条约定并经借款人确认。', remedies: [] }],
    ] as const) {
      expect((await step(mutation, inputType, { complaintId: id, ...extra })).errors).toBeUndefined();
    }
    const [decision] = await db<{ payload: { decisionId: string; handlerId: string; outcome: string } }>(
      `SELECT envelope->'payload' AS payload FROM complaints.outbox WHERE message_key = $1 AND event_type = 'complaints.ComplaintDecisionIssued'`,
      [id],
    );
    expect(decision!.payload).toMatchObject({ outcome: 'NOT_UPHELD', handlerId: 'staff-0007' });

    const appealId = randomUUID();
    const upheld = {
      appealId,
      reference: 'SS20261125-000001',
      target: { kind: 'COMPLAINT_DECISION' as const, subjectId: id, decisionId: decision!.payload.decisionId },
      borrowerId: null,
      reasons: '合同第5条未约定提前还款后的服务费',
      decidedAt: new Date().toISOString(),
      locale: 'zh-CN' as const,
    };
    // Delivered twice, as two events (a producer retry): the case is reopened once.
    await publish(AppealUpheldV1, TOPICS.appealEvents, upheld, appealId);
    await publish(AppealUpheldV1, TOPICS.appealEvents, upheld, appealId);
    await waitFor('the reopened case', async () => (await readCase(id)).status === 'INVESTIGATING');
    await waitFor('both deliveries handled', async () =>
      (await db<{ n: number }>(`SELECT count(*)::int AS n FROM complaints.inbox WHERE tenant_id = $1 AND event_type = 'appeals.AppealUpheld'`, [tenantId]))[0]!.n >= 2,
    );
    const reopened = await readCase(id);
    expect(reopened.timeline.filter((s) => s.action === 'REOPEN')).toHaveLength(1);
    expect(reopened.clocks.find((c) => c.kind === 'DECISION')!.state).toBe('RUNNING');
  });

  it('logs contacts and notes for staff, refuses them to a partner app, and keeps evidence with its hash', async () => {
    const { complaint } = await file(intake({ evidence: [{ kind: 'CHAT_LOG', fileName: '客服聊天记录.png', mediaType: 'image/png', sizeBytes: 182044, sha256: SHA }] }));
    const logged = await gql<{ logComplaintContact: { complaint: { communications: { staffName: string; channel: string }[] } } }>(
      `mutation($input: LogComplaintContactInput!) { logComplaintContact(input: $input) { complaint { communications { staffName channel content } } } }`,
      { input: { complaintId: complaint.id, at: new Date().toISOString(), channel: 'PHONE', direction: 'OUTBOUND', staffName: '周敏', content: '致电说明已受理，告知15日内答复。' } },
      handler,
    );
    expect(logged.errors).toBeUndefined();
    expect(logged.data!.logComplaintContact.complaint.communications).toEqual([{ staffName: '周敏', channel: 'PHONE', content: '致电说明已受理，告知15日内答复。' }]);
    const refused = await gql<{ complaint: unknown }>('query($id: ID!) { complaint(id: $id) { communications { content } } }', { id: complaint.id }, partnerApp);
    expect(refused.errors![0]!.extensions?.['code']).toBe('FORBIDDEN');
    expect((await readCase(complaint.id)).evidence).toEqual([{ fileName: '客服聊天记录.png', sha256: SHA, sizeBytes: 182044 }]);
  });

  it.each([
    ['an unknown category', { category: 'GRUMBLE' }, 'input.category'],
    ['a future occurred-at', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'input.occurredAt'],
    ['a fractional amount', { disputedAmount: { amountMinor: 10.5, currency: 'CNY' } }, 'input.disputedAmount.amountMinor'],
    ['an attachment without hash', { evidence: [{ kind: 'SMS', fileName: 'sms.png', mediaType: 'image/png', sizeBytes: 10 }] }, 'input.evidence.0.sha256'],
  ])('refuses %s with BAD_USER_INPUT naming the field; nothing stored, nothing published', async (_case, change, field) => {
    const count = async () =>
      (await db<{ n: number }>('SELECT (SELECT count(*) FROM complaints.complaints WHERE tenant_id = $1) + (SELECT count(*) FROM complaints.outbox WHERE tenant_id = $1) AS n', [tenantId]))[0]!.n;
    const before = await count();
    const result = await gql<Filed>(FILE, { input: intake(change) }, handler);
    expect(result.errors![0]!.extensions).toMatchObject({ field });
    expect(['BAD_USER_INPUT']).toContain(result.errors![0]!.extensions?.['code']);
    expect(await count()).toBe(before);
  });
});
