import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  ComplaintDecisionIssuedV1,
  createEvent,
  RegulatorReferralReceivedV1,
  topicName,
  TOPICS,
  type ComplaintDecisionIssuedPayload,
  type EventEnvelope,
} from '@redress/contracts';
import { adminQuery, bearer, consumerLag, devToken, E2E_DATABASE, graphqlRequest, startPlatformUnderTest, waitFor, type GraphQLResponse } from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;
type Result = GraphQLResponse<Record<string, { appeal: { id: string; status: string; reference: string; version: number; outcome: string | null } }>>;

/** A development token for a borrower (or an app acting for exactly one borrower). */
const borrowerToken = (tenantId: string, borrowerId: string) =>
  bearer(`dev.${Buffer.from(JSON.stringify({ tenantId, actorId: `borrower:${borrowerId}`, roles: ['borrower'], borrowerId })).toString('base64url')}`);

const DECISIONS = `query($f: AppealableDecisionFilter) {
  appealableDecisions(filter: $f, first: 10) { edges { node { id kind subjectId appealWindowLastDay appealable deciderIds } } }
}`;
const FILE = `mutation($i: FileAppealInput!) { fileAppeal(input: $i) { appeal { id reference status version outcome } } }`;
const ASSIGN = `mutation($i: AssignAppealReviewerInput!) { assignAppealReviewer(input: $i) { appeal { id reference status version outcome } } }`;
const DECIDE = `mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { appeal { id reference status version outcome } } }`;

/**
 * The appeals path through the gateway. The complaints service on main does not yet publish
 * ComplaintDecisionIssued when a resolution is proposed, so the test publishes the decision into
 * its own namespace's complaints topic, as the complaints service will.
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

  it('learns a decision, takes the borrower’s appeal, refuses bad input, and an upheld appeal publishes AppealUpheld once', async () => {
    const filed = await gql<{ fileComplaint: { complaint: { id: string } } }>(
      'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }',
      {
        input: {
          channel: 'APP',
          complainant: { name: '王秀英', phone: '13812341234', locale: 'zh_CN' },
          productName: '你我贷·极速借',
          description: '提前还清借款后，平台仍按原期限收取了 380 元服务费。',
        },
      },
      handler,
    );
    expect(filed.errors).toBeUndefined();
    const complaintId = filed.data!.fileComplaint.complaint.id;

    // The decision event, delivered twice: one appealable decision.
    const decision = decisionOf(complaintId);
    await publish(decision);
    await publish(decision);
    const [learntDecision] = await learnt(complaintId);
    const decisionId = learntDecision!.id;
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
      expect(seen.filter((t) => t === 'appeals.AppealUpheld')).toHaveLength(1);
      expect(seen).toEqual(['appeals.AppealFiled', 'appeals.AppealReviewerAssigned', 'appeals.AppealUpheld']);
    } finally {
      await consumer.disconnect();
    }

    // The complaint, from the complaints service, with its appeals from the appeals service.
    const view = await gql<{ complaint: { id: string; appeals: { edges: { node: { reference: string; status: string; decision: { kind: string } } }[] } } }>(
      'query($id: ID!) { complaint(id: $id) { id appeals { edges { node { reference status decision { kind } } } } } }',
      { id: complaintId },
      supervisor,
    );
    expect(view.errors).toBeUndefined();
    expect(view.data!.complaint.appeals.edges.map((e) => e.node)).toEqual([{ reference: appeal.reference, status: 'UPHELD', decision: { kind: 'COMPLAINT_DECISION' } }]);
  });

  it('refuses a late appeal with the day the window closed', async () => {
    const complaintId = randomUUID();
    await publish(decisionOf(complaintId, { issuedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() }));
    const [late] = await learnt(complaintId);
    const result = await gql(FILE, { i: { decisionId: late!.id, grounds: '不同意处理结果', topic: 'OTHER' } }, borrower);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPEAL_WINDOW_CLOSED', windowLastDay: late!.appealWindowLastDay });
  });

  it('records a regulator referral against the existing complaint', async () => {
    const filed = await gql<{ fileComplaint: { complaint: { id: string; reference: string } } }>(
      'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id reference } } }',
      { input: { channel: 'HOTLINE', complainant: { name: '李娜', phone: '13900001111', locale: 'zh_CN' }, productName: '桔多多·信用借', description: '会员费在未告知的情况下被自动扣除。' } },
      handler,
    );
    const complaint = filed.data!.fileComplaint.complaint;
    const referral = createEvent(
      RegulatorReferralReceivedV1,
      {
        complaintId: complaint.id,
        reference: complaint.reference,
        regulator: '国家金融监督管理总局 12378 热线',
        regulatorReference: `12378-${Date.now()}`,
        linkedToExisting: true,
        borrowerId,
        receivedAt: new Date().toISOString(),
      },
      { tenantId, aggregateId: complaint.id, correlationId: `e2e-${randomUUID()}` },
    );
    await publish(referral);
    await publish(referral);
    const escalations = await waitFor('the regulator escalation on the complaint', async () => {
      const r = await gql<{ complaint: { externalEscalations: { route: string; direction: string; externalReference: string; status: string }[] } }>(
        'query($id: ID!) { complaint(id: $id) { externalEscalations { route direction externalReference status } } }',
        { id: complaint.id },
        supervisor,
      );
      return r.data?.complaint.externalEscalations.length ? r.data.complaint.externalEscalations : null;
    });
    expect(escalations).toEqual([{ route: 'REGULATOR', direction: 'INBOUND', externalReference: referral.payload.regulatorReference, status: 'OPEN' }]);
  });
});
