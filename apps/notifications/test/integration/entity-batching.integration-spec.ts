import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { adminQuery, INTEGRATION_DATABASE, startServiceUnderTest } from '@redress/devkit';
import { notificationsService } from '../../src/notifications.service';

type Service = Awaited<ReturnType<typeof startServiceUnderTest>>;

describe('Complaint.notifications for many entity references', () => {
  let service: Service;
  const tenantId = randomUUID();
  const complaintIds = Array.from({ length: 5 }, () => randomUUID());

  beforeAll(async () => {
    service = await startServiceUnderTest(notificationsService);
    for (const [i, complaintId] of complaintIds.entries()) {
      for (let n = 0; n <= i % 3; n += 1) {
        await adminQuery(
          service.infra.adminUrl,
          INTEGRATION_DATABASE,
          `INSERT INTO notifications.notices (tenant_id, id, case_id, complaint_id, source_event_id, event_occurred_at, kind, recipient, channel, locale, subject, body, status, created_at)
           VALUES ($1, $2, $3, $3, $4, now(), 'COMPLAINT_RECEIVED', 'COMPLAINANT', 'IN_APP', 'zh-CN', '我们已收到您的投诉', '您好！', 'DELIVERED', now() + make_interval(secs => $5))`,
          [tenantId, randomUUID(), complaintId, randomUUID(), n],
        );
      }
    }
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('answers an _entities request for five complaints with one SQL query', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const result = await service.asGateway<{ _entities: { id: string; notifications: { edges: { node: { subject: string } }[] } }[] }>(
        tenantId,
        `query($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Complaint { id notifications(first: 10) { edges { node { subject } } } } }
        }`,
        { representations: complaintIds.map((id) => ({ __typename: 'Complaint', id })) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.map((c) => c.notifications.edges.length)).toEqual([1, 2, 3, 1, 2]);
      const noticeQueries = spy.mock.calls.filter(([sql]) => typeof sql === 'string' && sql.includes('notifications.notices'));
      expect(noticeQueries).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("shows no notices of another tenant's complaints", async () => {
    const result = await service.asGateway<{ _entities: { notifications: { edges: unknown[] } }[] }>(
      randomUUID(),
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Complaint { notifications { edges { cursor } } } } }`,
      { representations: complaintIds.map((id) => ({ __typename: 'Complaint', id })) },
    );
    expect(result.data!._entities.every((c) => c.notifications.edges.length === 0)).toBe(true);
  });
});
