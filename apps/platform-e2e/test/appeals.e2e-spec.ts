import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  ComplaintDecisionIssuedV1,
  createEvent,
    topicName,
  TOPICS,
  type ComplaintDecisionIssuedPayload,
  type EventEnvelope,
} from '@redress/contracts';
import { adminQuery, bearer, consumerLag, devToken, E2E_DATABASE, graphqlRequest, startPlatformUnderTest, waitFor, type GraphQLResponse } from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;
type Result = GraphQLResponse<Record<string, { appeal: { id: string; status: string; reference: string; version: number; outcome: string | null } }>>;

/** A signed token for a borrower (or an app acting for exactly one borrower). */
const borrowerToken = (tenantId: string, borrowerId: string) =>
  bearer(devToken(tenantId, `borrower:${borrowerId}`, ['borrower'], borrowerId));

const DECISIONS = `query($f: AppealableDecisionFilter) {
  appealableDecisions(filter: $f, first: 10) { edges { node { id kind subjectId appealWindowLastDay appealable deciderIds } } }
}`;
const FILE = `mutation($i: FileAppealInput!) { fileAppeal(input: $i) { appeal { id reference status version outcome } } }`;
const ASSIGN = `mutation($i: AssignAppealReviewerInput!) { assignAppealReviewer(input: $i) { appeal { id reference status version outcome } } }`;
const DECIDE = `mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { appeal { id reference status version outcome } } }`;

/**
 * The appeals path through the gateway, against the real services: the complaints service issues
 * the decision and receives the regulator's referral; the appeals service learns them from its
 * events. Only the late decision (received 40 days ago) is published by the test itself.
 */
describe('an appeal, end to end through the gateway', () => {
  let platform: Platform;
  let producer: Producer;
  const tenantId = randomUUID();
  const borrowerId = 'NWD-CUST-20261125';
  const handler = bearer(devToken(tenantId, 'handler:zhou-min', ['handler']));
  const supervisor = bearer(devToken(tenantId, 'supervisor:liu-yang', ['supervisor']));
  const reviewer = bearer(devToken(tenantId, 'reviewer:wang-fang', ['reviewer']));
  const borrower = borrowerToken(tenantId, borrowerId);
  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, auth: Record<string, string>) =>
    graphqlRequest<T>(platform.processes.gatewayUrl, query, variables, auth);
  const publish = async (envelope: EventEnvelope<unknown>) => {
    await producer.send({ topic: topicName(platform.namespace, TOPICS.complaintEvents), messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }] });
  };
  const decisionOf = (complaintId: string, overrides: Partial<ComplaintDecisionIssuedPayload> = {}) =>
    createEvent(
      ComplaintDecisionIssuedV1,
      {
        complaintId,
        reference: 'TS20261125-000001',
        decisionId: randomUUID(),
        outcome: 'NOT_UPHELD',
        reasons: '服务费已在借款合同中载明，提前还款不退还已收取的服务费。',
        remedies: [{ type: 'EXPLANATION', amount: null, feeType: 'SERVICE_FEE', chargeReference: null, description: '书面说明收费依据' }],
        borrowerId,
        productName: '你我贷·极速借',
        contractNumber: 'NWD-2025-0081123',
        handlerId: 'handler:zhou-min',
        reviewerIds: [],
        locale: 'zh-CN',
        issuedAt: new Date().toISOString(),
        ...overrides,
      },
      { tenantId, aggregateId: complaintId, correlationId: `e2e-${randomUUID()}` },
    );
  const learnt = (subjectId: string, count = 1) =>
    waitFor(`${count} appealable decision(s) on ${subjectId}`, async () => {
      const r = await gql<{ appealableDecisions: { edges: { node: { id: string; appealWindowLastDay: string } }[] } }>(DECISIONS, { f: { subjectId } }, supervisor);
      const edges = r.data?.appealableDecisions.edges ?? [];
      return edges.length >= count ? edges.map((e) => e.node) : null;
    });
  const appealCount = async () =>
    Number((await adminQuery<{ n: string }>(platform.infra.adminUrl, E2E_DATABASE, 'SELECT count(*) AS n FROM appeals.appeals WHERE tenant_id = $1', [tenantId]))[0]!.n);

  beforeAll(async () => {
    platform = await startPlatformUnderTest('appeals');
    producer = platform.kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await platform?.stop();
  });

  it('learns a decision from the complaints service, takes the borrower’s appeal, refuses bad input; upheld, the complaint is reopened once', async () => {
    const filed = await gql<{ fileComplaint: { complaint: { id: string } } }>(
      'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }',
      {
        input: {
          channel: 'APP',
          borrowerId,
          topic: 'INTEREST_AND_FEE_TRANSPARENCY',
          complainant: { name: '王秀英', phone: '13812341234', locale: 'zh_CN' },
          productName: '你我贷·极速借',
          contractNumber: `NWD-2025-${randomUUID().slice(0, 7)}`,
          description: '提前还清借款后，平台仍按原期限收取了 380 元服务费。',
        },
      },
      handler,
    );
    expect(filed.errors).toBeUndefined();
    const complaintId = filed.data!.fileComplaint.complaint.id;
    for (const [mutation, inputType, extra] of [
      ['acceptComplaint', 'ComplaintStepInput', {}],
      ['assignComplaint', 'AssignComplaintInput', { handlerId: 'handler:zhou-min' }],
      ['startInvestigation', 'ComplaintStepInput', {}],
      ['proposeResolution', 'ProposeResolutionInput', { outcome: 'NOT_UPHELD', reasons: '服务费已在借款合同第五条约定。', remedies: [{ type: 'EXPLANATION', feeType: 'SERVICE_FEE' }] }],
    ] as const) {
      const r = await gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { complaint { status } } }`, { input: { complaintId, ...extra } }, handler);
      expect(r.errors).toBeUndefined();
    }

    // The complaints service published ComplaintDecisionIssued; the appeals service learnt it.
    const [learntDecision] = await learnt(complaintId);
    const decisionId = learntDecision!.id;
    // Delivered again (as a broker redelivery would): still one appealable decision.
    const [issued] = await adminQuery<{ envelope: EventEnvelope<unknown> }>(
      platform.infra.adminUrl,
      E2E_DATABASE,
      `SELECT envelope FROM complaints.outbox WHERE message_key = $1 AND event_type = 'complaints.ComplaintDecisionIssued'`,
      [complaintId],
    );
    await publish(issued!.envelope);
    await waitFor('the appeals consumer to catch up', async () => (await consumerLag(platform.kafka, platform.groupOf('appeals'), platform.complaintTopic)) === 0);
    expect(await learnt(complaintId)).toHaveLength(1);

    const input = { decisionId, grounds: '借款合同中没有约定提前还款仍收取服务费，要求复核。', topic: 'INTEREST_FEE_TRANSPARENCY', feeType: 'SERVICE_FEE' };
    const foreign = await gql(FILE, { i: input }, borrowerToken(tenantId, 'NWD-CUST-OTHER'));
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.decisionId' });
    const missing = await gql(FILE, { i: { ...input, decisionId: randomUUID() } }, borrower);
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.decisionId' });
    expect(await appealCount()).toBe(0);

    const appealed = (await gql(FILE, { i: input }, borrower)) as Result;
    expect(appealed.errors).toBeUndefined();
    const appeal = appealed.data!['fileAppeal']!.appeal;
    expect(appeal.status).toBe('FILED');
    const second = await gql(FILE, { i: input }, borrower);
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.decisionId' });
    expect(await appealCount()).toBe(1);

    const byHandler = await gql(ASSIGN, { i: { appealId: appeal.id, reviewerId: 'handler:zhou-min' } }, supervisor);
    expect(byHandler.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reviewerId' });
    const assigned = (await gql(ASSIGN, { i: { appealId: appeal.id, reviewerId: 'reviewer:wang-fang', expectedVersion: 1 } }, supervisor)) as Result;
    expect(assigned.data!['assignAppealReviewer']!.appeal).toMatchObject({ status: 'UNDER_REVIEW', version: 2 });

    const decide = { appealId: appeal.id, outcome: 'UPHELD', reasons: '合同未约定提前还款后继续收取服务费，原决定应予纠正。', expectedVersion: 2 };
    const upheld = (await gql(DECIDE, { i: decide }, reviewer)) as Result;
    expect(upheld.data!['decideAppeal']!.appeal).toMatchObject({ status: 'UPHELD', outcome: 'UPHELD', version: 3 });
    // The client retries the same command (e.g. after a timeout): the outcome stands, nothing more is published.
    const retried = (await gql(DECIDE, { i: decide }, reviewer)) as Result;
    expect(retried.data!['decideAppeal']!.appeal).toMatchObject({ status: 'UPHELD', version: 3 });

    // AppealUpheld reaches Kafka exactly once.
    const seen: string[] = [];
    const consumer = platform.kafka.consumer({ groupId: `${platform.namespace}-test-appeal-events` });
    await consumer.connect();
    await consumer.subscribe({ topic: topicName(platform.namespace, TOPICS.appealEvents), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const e = JSON.parse(message.value!.toString()) as EventEnvelope<{ appealId?: string }>;
        if (e.payload.appealId === appeal.id) seen.push(e.type);
      },
    });
    try {
      await waitFor('AppealUpheld on the appeals topic', async () => seen.includes('appeals.AppealUpheld'));
      await new Promise((r) => setTimeout(r, 1_500));
      expect(seen).toEqual(['appeals.AppealFiled', 'appeals.AppealReviewerAssigned', 'appeals.AppealUpheld']);
    } finally {
      await consumer.disconnect();
    }

    // The complaints service reopened the complaint, once; the graph shows it with its appeal.
    const view = () =>
      gql<{ complaint: { status: string; timeline: { action: string }[]; appeals: { edges: { node: { reference: string; status: string; decision: { kind: string } } }[] } } }>(
        'query($id: ID!) { complaint(id: $id) { status timeline { action } appeals { edges { node { reference status decision { kind } } } } } }',
        { id: complaintId },
        supervisor,
      );
    await waitFor('the reopened complaint', async () => (await view()).data?.complaint.status === 'INVESTIGATING');
    const seenAfter = await view();
    expect(seenAfter.errors).toBeUndefined();
    expect(seenAfter.data!.complaint.timeline.filter((s) => s.action === 'REOPEN')).toHaveLength(1);
    expect(seenAfter.data!.complaint.appeals.edges.map((e) => e.node)).toEqual([{ reference: appeal.reference, status: 'UPHELD', decision: { kind: 'COMPLAINT_DECISION' } }]);
  });

  it('refuses a late appeal with the day the window closed', async () => {
    const complaintId = randomUUID();
    await publish(decisionOf(complaintId, { issuedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() }));
    const [late] = await learnt(complaintId);
    const result = await gql(FILE, { i: { decisionId: late!.id, grounds: '不同意处理结果', topic: 'OTHER' } }, borrower);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPEAL_WINDOW_CLOSED', windowLastDay: late!.appealWindowLastDay });
  });

  it('records a regulator referral that the complaints service linked to the open complaint', async () => {
    const fileWith = (extra: Record<string, unknown>, auth: Record<string, string>) =>
      gql<{ fileComplaint: { complaint: { id: string }; mergedInto: { id: string } | null } }>(
        'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } mergedInto { id } } }',
        {
          input: {
            channel: 'HOTLINE',
            borrowerId,
            topic: 'INTEREST_AND_FEE_TRANSPARENCY',
            complainant: { name: '李娜', phone: '13900001111', locale: 'zh_CN' },
            productName: '桔多多·信用借',
            contractNumber: 'JDD-2026-0042',
            description: '会员费在未告知的情况下被自动扣除。',
            ...extra,
          },
        },
        auth,
      );
    const open = await fileWith({}, handler);
    expect(open.errors).toBeUndefined();
    const existing = open.data!.fileComplaint.complaint.id;
    const regulatorReference = `12378-${Date.now()}`;
    const referred = await fileWith({ channel: 'REGULATOR_REFERRAL', regulatorReferral: { regulator: '国家金融监督管理总局 12378', reference: regulatorReference } }, handler);
    expect(referred.errors).toBeUndefined();
    expect(referred.data!.fileComplaint.mergedInto?.id).toBe(existing);

    const escalations = await waitFor('the regulator escalation on the existing complaint', async () => {
      const r = await gql<{ complaint: { externalEscalations: { route: string; direction: string; externalReference: string; status: string }[] } }>(
        'query($id: ID!) { complaint(id: $id) { externalEscalations { route direction externalReference status } } }',
        { id: existing },
        supervisor,
      );
      return r.data?.complaint.externalEscalations.length ? r.data.complaint.externalEscalations : null;
    });
    expect(escalations).toEqual([{ route: 'REGULATOR', direction: 'INBOUND', externalReference: regulatorReference, status: 'OPEN' }]);
  });
});
