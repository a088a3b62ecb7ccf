import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { startServiceUnderTest } from '@redress/devkit';
import { complaintsService } from '../../src/complaints.service';

type Service = Awaited<ReturnType<typeof startServiceUnderTest>>;

const FILE = 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id reference } } }';

describe('Complaint references resolved in a batch', () => {
  let service: Service;
  const tenantId = randomUUID();
  const ids: string[] = [];

  beforeAll(async () => {
    service = await startServiceUnderTest(complaintsService);
    for (const [i, name] of ['张伟', '李娜', '王芳', '刘洋'].entries()) {
      const result = await service.asGateway<{ fileComplaint: { complaint: { id: string } } }>(tenantId, FILE, {
        input: {
          channel: 'WEB',
          // Four borrowers: the same phone on the same product and topic would be one matter, merged.
          complainant: { name, phone: `1370000111${i}` },
          productName: '京东金融·金条',
          description: '提前结清后仍被扣款，客服称系统自动扣费无法处理。',
        },
      });
      expect(result.errors).toBeUndefined();
      ids.push(result.data!.fileComplaint.complaint.id);
    }
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('loads four complaints for an _entities request with one SQL query, in the order asked', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const asked = [...ids].reverse();
      const result = await service.asGateway<{ _entities: ({ id: string; complainant: { name: string } } | null)[] }>(
        tenantId,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id complainant { name } } } }`,
        { r: [...asked.map((id) => ({ __typename: 'Complaint', id })), { __typename: 'Complaint', id: randomUUID() }] },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.map((c) => c?.id ?? null)).toEqual([...asked, null]);
      const complaintQueries = spy.mock.calls.filter(([sql]) => typeof sql === 'string' && sql.includes('"complaints"."complaints"'));
      expect(complaintQueries).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('resolves none of them for another lender, even through a hand-made _entities request', async () => {
    const result = await service.asGateway<{ _entities: ({ id: string } | null)[] }>(
      randomUUID(),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id complainant { name phone } } } }`,
      { r: ids.map((id) => ({ __typename: 'Complaint', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual(ids.map(() => null));
  });

  it('numbers references per tenant and day without gaps or repeats', async () => {
    const result = await service.asGateway<{ complaints: { edges: { node: { reference: string } }[] } }>(
      tenantId,
      '{ complaints(first: 10) { edges { node { reference } } } }',
    );
    const numbers = result.data!.complaints.edges.map((e) => Number(e.node.reference.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4]);
  });
});
