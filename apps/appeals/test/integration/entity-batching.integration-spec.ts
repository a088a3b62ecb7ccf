import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { callAs, complaintDecision, decisionEvent, deliver, DECISIONS, FILE, startAppeals, type Service } from './appeals-harness';

describe('Complaint.appeals resolved in a batch', () => {
  let service: Service;
  const tenantId = randomUUID();
  const supervisor = { tenantId, actorId: 'supervisor:liu-yang', roles: ['supervisor'] };
  const complaintIds: string[] = [];

  beforeAll(async () => {
    service = await startAppeals();
    for (const borrowerId of ['NWD-A', 'NWD-B', 'NWD-C', 'NWD-D']) {
      const payload = complaintDecision({ borrowerId });
      await deliver(service, decisionEvent(tenantId, payload));
      const decisions = await callAs<{ appealableDecisions: { edges: { node: { id: string } }[] } }>(service, supervisor, DECISIONS, { f: { subjectId: payload.complaintId } });
      const decisionId = decisions.data!.appealableDecisions.edges[0]!.node.id;
      const filed = await callAs(service, { tenantId, actorId: `borrower:${borrowerId}`, roles: ['borrower'], borrowerId }, FILE, {
        input: { decisionId, grounds: '不同意处理结果，要求复核。', topic: 'INTEREST_FEE_TRANSPARENCY' },
      });
      expect(filed.errors).toBeUndefined();
      complaintIds.push(payload.complaintId);
    }
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('loads the appeals of four complaints, with their decisions and committees, in one query each', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const result = await callAs<{ _entities: { id: string; appeals: { edges: { node: { decision: { kind: string }; committee: unknown } }[] } }[] }>(
        service,
        supervisor,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id appeals { edges { node { decision { kind } committee { pendingVotes } } } } } } }',
        { r: complaintIds.map((id) => ({ __typename: 'Complaint', id })) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.map((c) => c.appeals.edges.length)).toEqual([1, 1, 1, 1]);
      const sql = spy.mock.calls.map(([q]) => String(q));
      expect(sql.filter((q) => q.includes('FROM appeals.appeals a JOIN appeals.decisions'))).toHaveLength(1);
      expect(sql.filter((q) => q.includes('FROM appeals.committee_seats'))).toHaveLength(1);
      expect(sql.filter((q) => q.includes('FROM appeals.decisions WHERE'))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});
