import { randomUUID } from 'node:crypto';
import { callAs, complaintDecision, decisionEvent, deliver, outboxTypes, startAppeals, type Service } from './appeals-harness';

describe('related matters and external escalations', () => {
  let service: Service;
  const tenantId = randomUUID();
  const admin = { tenantId, actorId: 'admin:zhang-wei', roles: ['tenant_admin'] };
  const compliance = { tenantId, actorId: 'compliance:xu-min', roles: ['compliance'] };
  const SUGGESTIONS = '{ relatedMatterSuggestions { productName issue borrowerCount explanation cases { caseType caseId } } }';
  type Suggestions = { relatedMatterSuggestions: { productName: string; issue: string; borrowerCount: number; explanation: string; cases: { caseType: string; caseId: string }[] }[] };

  beforeAll(async () => {
    service = await startAppeals();
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('suggests a group of one product and fee type from enough borrowers, and forgets it once staff open the matter', async () => {
    await callAs(service, admin, 'mutation { updateAppealPolicy(input: { matterMinBorrowers: 3, matterPeriodDays: 30 }) { version } }');
    const membership = (borrowerId: string) =>
      complaintDecision({
        borrowerId,
        productName: '桔多多·信用借',
        remedies: [{ type: 'FEE_WAIVER', amount: null, feeType: 'MEMBERSHIP_FEE', chargeReference: null, description: null }],
      });
    const two = [membership('JDD-001'), membership('JDD-002')];
    for (const p of two) await deliver(service, decisionEvent(tenantId, p));
    // Another borrower, but about another fee: not the same issue.
    await deliver(service, decisionEvent(tenantId, complaintDecision({ borrowerId: 'JDD-009', productName: '桔多多·信用借' })));
    expect((await callAs<Suggestions>(service, compliance, SUGGESTIONS)).data!.relatedMatterSuggestions).toEqual([]);

    const third = membership('JDD-003');
    await deliver(service, decisionEvent(tenantId, third));
    const suggested = (await callAs<Suggestions>(service, compliance, SUGGESTIONS)).data!.relatedMatterSuggestions;
    expect(suggested).toHaveLength(1);
    expect(suggested[0]).toMatchObject({ productName: '桔多多·信用借', issue: 'MEMBERSHIP_FEE', borrowerCount: 3 });
    expect(suggested[0]!.explanation).toContain('at least 3 borrowers');

    const opened = await callAs<{ openRelatedMatter: { matter: { id: string; origin: string; cases: { caseType: string; complaint: { id: string } | null }[] } } }>(
      service,
      compliance,
      `mutation($i: OpenRelatedMatterInput!) { openRelatedMatter(input: $i) { matter { id origin cases { caseType complaint { id } } } } }`,
      {
        i: {
          title: '桔多多·信用借 会员费集中投诉',
          productName: '桔多多·信用借',
          issue: 'MEMBERSHIP_FEE',
          fromSuggestion: true,
          cases: suggested[0]!.cases.map((c) => ({ caseType: c.caseType, caseId: c.caseId })),
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openRelatedMatter.matter.origin).toBe('SUGGESTION');
    expect(opened.data!.openRelatedMatter.matter.cases.map((c) => c.complaint!.id).sort()).toEqual([...two, third].map((p) => p.complaintId).sort());
    expect((await callAs<Suggestions>(service, compliance, SUGGESTIONS)).data!.relatedMatterSuggestions).toEqual([]);

    const before = await outboxTypes(service, tenantId);
    const unknown = await callAs(service, compliance, `mutation($i: AddToRelatedMatterInput!) { addToRelatedMatter(input: $i) { matter { id } } }`, {
      i: { matterId: opened.data!.openRelatedMatter.matter.id, cases: [{ caseType: 'APPEAL', caseId: randomUUID() }] },
    });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.cases.0.caseId' });
    expect(await outboxTypes(service, tenantId)).toEqual(before);

    const CLOSE = 'mutation($i: CloseRelatedMatterInput!) { closeRelatedMatter(input: $i) { matter { status } } }';
    const matterId = opened.data!.openRelatedMatter.matter.id;
    expect((await callAs<{ closeRelatedMatter: { matter: { status: string } } }>(service, compliance, CLOSE, { i: { matterId } })).data!.closeRelatedMatter.matter.status).toBe('CLOSED');
    const twice = await callAs(service, compliance, CLOSE, { i: { matterId } });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'CLOSED', targetStatus: 'CLOSED' });
    // Closed, its cases are not suggested again.
    expect((await callAs<Suggestions>(service, compliance, SUGGESTIONS)).data!.relatedMatterSuggestions).toEqual([]);
  });

  it('records an escalation to arbitration and closes it with its outcome', async () => {
    const decision = complaintDecision({ borrowerId: 'JDD-010' });
    await deliver(service, decisionEvent(tenantId, decision));
    const RECORD = `mutation($i: RecordExternalEscalationInput!) { recordExternalEscalation(input: $i) { escalation { id status version route complaint { id } } } }`;
    const input = { route: 'ARBITRATION', institution: '北京仲裁委员会', externalReference: '京仲案字(2026)第0142号', escalatedAt: new Date().toISOString(), complaintId: decision.complaintId };
    const recorded = await callAs<{ recordExternalEscalation: { escalation: { id: string; status: string; version: number } } }>(service, compliance, RECORD, { i: input });
    expect(recorded.errors).toBeUndefined();
    const again = await callAs(service, compliance, RECORD, { i: input });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.externalReference' });
    const foreign = await callAs(service, compliance, RECORD, { i: { ...input, externalReference: null, complaintId: randomUUID() } });
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.complaintId' });

    const UPDATE = `mutation($i: UpdateExternalEscalationInput!) { updateExternalEscalation(input: $i) { escalation { status outcome closedAt version } } }`;
    const id = recorded.data!.recordExternalEscalation.escalation.id;
    const noOutcome = await callAs(service, compliance, UPDATE, { i: { escalationId: id, status: 'CLOSED' } });
    expect(noOutcome.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcome' });
    const closed = await callAs<{ updateExternalEscalation: { escalation: { status: string; outcome: string; closedAt: string } } }>(service, compliance, UPDATE, {
      i: { escalationId: id, status: 'CLOSED', outcome: '仲裁庭裁决退还会员费 299 元', expectedVersion: 1 },
    });
    expect(closed.data!.updateExternalEscalation.escalation).toMatchObject({ status: 'CLOSED', outcome: '仲裁庭裁决退还会员费 299 元' });
    const list = await callAs<{ externalEscalations: { edges: { node: { id: string } }[] } }>(
      service,
      compliance,
      '{ externalEscalations(filter: { routes: [ARBITRATION], statuses: [CLOSED] }) { edges { node { id } } } }',
    );
    expect(list.data!.externalEscalations.edges.map((e) => e.node.id)).toEqual([id]);
  });
});
