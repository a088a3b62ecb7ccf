import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  AppealUpheldV1,
  ComplaintResolutionAcceptedV1,
  createEvent,
  TOPICS,
  topicName,
  type ComplaintResolutionAcceptedPayload,
  type EventEnvelope,
} from '@redress/contracts';
import { withTenant } from '@redress/database';
import { adminQuery, INTEGRATION_DATABASE, startServiceUnderTest, waitFor } from '@redress/devkit';
import { mediationService } from '../../src/mediation.service';
import { OpenCaseHandler } from '../../src/case/commands/open-case/open-case.handler';
import { RecordCaseStepHandler } from '../../src/case/commands/record-case-step/record-case-step.handler';
import { referralCaseId } from '../../src/case/commands/open-referred-case/open-referred-case';
import { ManageRegistryHandler } from '../../src/registry/commands/manage-registry.handler';
import { registryRepository } from '../../src/registry/infrastructure/registry.repository';
import { MediationClockAlertScheduler } from '../../src/case/jobs/clock-alerts/clock-alert.scheduler';
import { createLogger } from '@redress/logger';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { openReferredCases } from '../../src/case/commands/open-referred-case/open-referred-case';

type Service = Awaited<ReturnType<typeof startServiceUnderTest>>;

describe('mediation against the real PostgreSQL and Kafka', () => {
  let service: Service;
  let kafka: Kafka;
  const tenantId = randomUUID();
  const otherTenantId = randomUUID();

  const publish = async (topic: string, envelope: EventEnvelope) => {
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: topicName(service.running.deps.config.eventsNamespace, topic), messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }] });
    } finally {
      await producer.disconnect();
    }
  };
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => adminQuery<T>(service.infra.adminUrl, INTEGRATION_DATABASE, text, params);
  const handlers = () => ({
    opener: new OpenCaseHandler(service.running.deps.dataSource, service.running.deps.outbox),
    steps: new RecordCaseStepHandler(service.running.deps.dataSource, service.running.deps.outbox),
    registry: new ManageRegistryHandler(service.running.deps.dataSource),
  });

  beforeAll(async () => {
    service = await startServiceUnderTest(mediationService);
    kafka = new Kafka({ clientId: 'mediation-it', brokers: service.infra.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    await waitFor('the mediation consumer to join its group', async () => service.running.consumer?.running, 60_000, 200);
  });

  afterAll(async () => {
    await service?.stop();
  });

  const resolutionAccepted = (payload: Partial<ComplaintResolutionAcceptedPayload> = {}): EventEnvelope<ComplaintResolutionAcceptedPayload> =>
    createEvent<ComplaintResolutionAcceptedPayload>(
      ComplaintResolutionAcceptedV1,
      {
        complaintId: randomUUID(),
        reference: 'TS20261125-000007',
        decisionId: randomUUID(),
        outcome: 'PARTLY_UPHELD',
        reasons: '服务费收取有合同依据，但违约金计算有误；违约金争议转调解。',
        remedies: [
          { type: 'EXPLANATION', amount: null, feeType: null, chargeReference: null, description: '解释服务费构成' },
          { type: 'MEDIATION_REFERRAL', amount: null, feeType: null, chargeReference: null, description: '违约金争议转调解' },
          { type: 'MEDIATION_REFERRAL', amount: null, feeType: null, chargeReference: null, description: '还款计划调整转协商调解' },
        ],
        borrowerId: 'C-20250731',
        productName: '你我贷·极速借',
        contractNumber: 'NWD-2025-118822',
        handlerId: 'handler:zhou-min',
        reviewerIds: ['reviewer:chen-jing'],
        locale: 'zh-CN',
        acceptedAt: new Date().toISOString(),
        ...payload,
      },
      { tenantId, aggregateId: payload.complaintId ?? randomUUID(), correlationId: 'it-referral' },
    );

  it('a referral delivered twice, and once more under a new event id, opens one case per MEDIATION_REFERRAL remedy', async () => {
    const event = resolutionAccepted();
    await publish(TOPICS.complaintEvents, event);
    await publish(TOPICS.complaintEvents, event);
    // The complaints service publishing the same decision again (a new envelope) is still the same referral.
    await publish(TOPICS.complaintEvents, { ...event, id: randomUUID() });
    const cases = await waitFor('two referred cases', async () => {
      const rows = await sql<{ id: string; referral_remedy_index: number; document: { interestedParties: string[]; status: string } }>(
        'SELECT id, referral_remedy_index, document FROM mediation.cases WHERE tenant_id = $1 AND complaint_id = $2 ORDER BY referral_remedy_index',
        [tenantId, event.payload.complaintId],
      );
      return rows.length === 2 ? rows : null;
    });
    await waitFor('all three deliveries handled', async () => {
      const stats = service.running.consumer!.stats;
      return stats.handled + stats.duplicates >= 3;
    });
    expect(service.running.consumer!.stats.duplicates).toBeGreaterThanOrEqual(1);
    const again = await sql('SELECT id FROM mediation.cases WHERE tenant_id = $1 AND complaint_id = $2', [tenantId, event.payload.complaintId]);
    expect(again).toHaveLength(2);
    expect(cases.map((c) => c.referral_remedy_index)).toEqual([1, 2]);
    expect(cases[0]!.id).toBe(referralCaseId(tenantId, event.payload.decisionId, 1));
    expect(cases[0]!.document.status).toBe('SUBMITTED');
    expect(cases[0]!.document.interestedParties).toEqual(['handler:zhou-min', 'reviewer:chen-jing']);
    const opened = await sql('SELECT event_id FROM mediation.outbox WHERE tenant_id = $1 AND event_type = $2 AND message_key = ANY($3)', [
      tenantId,
      'mediation.MediationCaseOpened',
      cases.map((c) => c.id),
    ]);
    expect(opened).toHaveLength(2);

    const graph = await service.asGateway<{ _entities: { mediation: { reference: string; origin: string; complaintReference: string } | null }[] }>(
      tenantId,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { mediation { reference origin complaintReference } } } }`,
      { r: [{ __typename: 'Complaint', id: event.payload.complaintId }, { __typename: 'Complaint', id: randomUUID() }] },
    );
    expect(graph.errors).toBeUndefined();
    expect(graph.data!._entities[0]!.mediation).toMatchObject({ origin: 'COMPLAINT_REFERRAL', complaintReference: 'TS20261125-000007' });
    expect(graph.data!._entities[1]!.mediation).toBeNull();
  });

  it('refuses a mediator registered with another lender as if it did not exist', async () => {
    const { opener, steps, registry } = handlers();
    const firm = await registry.registerInstitution(otherTenantId, { name: '某律师事务所调解中心', kind: 'THIRD_PARTY', registrationNumber: '31310000MD9876543K' });
    const foreign = await registry.registerMediator(otherTenantId, {
      institutionId: firm.id,
      actorId: 'lawyer:wu',
      name: '吴律师',
      qualifications: [{ kind: 'PRACTISING_LAWYER', number: '13101201910000001', issuer: '上海市司法局', validUntil: '2030-12-31' }],
    });
    const c = await opener.open({ tenantId, actorId: 'borrower:C-1', callerBorrowerId: 'C-1', correlationId: 'it' }, { productName: '你我贷·极速借', summary: '违约金过高' });
    await steps.execute({ tenantId, actorId: 'sup', correlationId: 'it', caseId: c.id, expectedVersion: null, request: () => ({ action: 'review', decision: 'ACCEPT', reasons: '受理' }) });
    const found = await withTenant(service.running.deps.dataSource, tenantId, (m) => registryRepository.candidate(m, tenantId, foreign.id));
    expect(found).toBeNull();
    await expect(
      opener.requestNegotiation(
        { tenantId, actorId: 'handler:1', callerBorrowerId: null, correlationId: 'it' },
        { productName: '你我贷·极速借', summary: '逾期协商', overdueAmount: { amountMinor: 100_000, currency: 'CNY' }, overdueSince: '2026-10-01', specialistId: foreign.id, borrowerId: 'C-1' },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'input.specialistId' } });
  });

  it('resumes a failed case exactly once when an appeal against its result is upheld', async () => {
    const { opener, steps, registry } = handlers();
    const team = await registry.registerInstitution(tenantId, { name: '你我贷调解专员组', kind: 'IN_HOUSE' });
    const specialist = await registry.registerMediator(tenantId, { institutionId: team.id, actorId: 'mediator:liu-yang', name: '刘洋' });
    const c = await opener.requestNegotiation(
      { tenantId, actorId: 'handler:1', callerBorrowerId: null, correlationId: 'it' },
      { borrowerId: 'C-77', productName: '你我贷·极速借', summary: '失业三个月，希望分期偿还逾期款', overdueAmount: { amountMinor: 356_000, currency: 'CNY' }, overdueSince: '2026-09-10', specialistId: specialist.id },
    );
    expect(c).toMatchObject({ kind: 'NEGOTIATION', status: 'IN_MEDIATION' });
    await steps.execute({ tenantId, actorId: 'mediator:liu-yang', correlationId: 'it', caseId: c.id, expectedVersion: null, request: () => ({ action: 'fail', reason: '借款人不接受任何方案' }) });
    const upheld = createEvent(
      AppealUpheldV1,
      {
        appealId: randomUUID(),
        reference: 'SS20261125-000001',
        target: { kind: 'MEDIATION_RESULT', subjectId: c.id, decisionId: c.id },
        borrowerId: 'C-77',
        reasons: '调解员未考虑失业证明',
        decidedAt: new Date().toISOString(),
        locale: 'zh-CN',
      },
      { tenantId, aggregateId: randomUUID(), correlationId: 'it-appeal' },
    );
    await publish(TOPICS.appealEvents, upheld);
    await publish(TOPICS.appealEvents, { ...upheld, id: randomUUID() });
    await waitFor('the case to resume', async () => {
      const [row] = await sql<{ status: string }>('SELECT status FROM mediation.cases WHERE tenant_id = $1 AND id = $2', [tenantId, c.id]);
      return row?.status === 'IN_MEDIATION';
    });
    await waitFor('both deliveries handled', async () => {
      const rows = await sql('SELECT 1 FROM mediation.inbox WHERE tenant_id = $1 AND event_type = $2', [tenantId, 'appeals.AppealUpheld']);
      return rows.length === 2;
    });
    const resumed = await sql('SELECT 1 FROM mediation.outbox WHERE tenant_id = $1 AND message_key = $2 AND envelope->\'payload\'->>\'action\' = $3', [tenantId, c.id, 'resume']);
    expect(resumed).toHaveLength(1);
  });

  it('raises each clock alert exactly once, and records a breach on the case', async () => {
    const { opener } = handlers();
    const c = await opener.open({ tenantId, actorId: 'borrower:C-9', callerBorrowerId: 'C-9', correlationId: 'it' }, { productName: '你我贷·极速借', summary: '罚息计算不清' });
    const logger = createLogger('it', 'silent');
    const later = new Date(c.acceptanceDueAt!.getTime() + 60_000);
    const scheduler = new MediationClockAlertScheduler(service.running.deps.dataSource, service.running.deps.outbox, logger, { intervalMs: 60_000, now: () => later });
    await scheduler.raiseDueAlerts();
    await scheduler.raiseDueAlerts();
    const alerts = await sql<{ clock: string; alert: string }>('SELECT clock, alert FROM mediation.clock_alerts WHERE tenant_id = $1 AND case_id = $2', [tenantId, c.id]);
    expect(alerts).toEqual([{ clock: 'ACCEPTANCE_REVIEW', alert: 'BREACH' }]);
    const [row] = await sql<{ document: { timeline: { action: string }[] } }>('SELECT document FROM mediation.cases WHERE tenant_id = $1 AND id = $2', [tenantId, c.id]);
    expect(row!.document.timeline.map((s) => s.action)).toEqual(['open', 'clockBreached']);
    const events = await sql('SELECT 1 FROM mediation.outbox WHERE tenant_id = $1 AND message_key = $2 AND event_type = $3', [tenantId, c.id, 'mediation.MediationClockAlert']);
    expect(events).toHaveLength(1);
  });

  it('answers Complaint.mediation for many complaints with one SQL query on the cases', async () => {
    const events = Array.from({ length: 5 }, () => resolutionAccepted({ complaintId: randomUUID() }));
    for (const event of events) {
      await withTenant(service.running.deps.dataSource, tenantId, (m) => openReferredCases(m, service.running.deps.outbox, event, new Date()));
    }
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const result = await service.asGateway<{ _entities: { mediation: { origin: string; status: string } | null }[] }>(
        tenantId,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { mediation { origin status } } } }`,
        { r: events.map((e) => ({ __typename: 'Complaint', id: e.payload.complaintId })) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.every((c) => c.mediation?.origin === 'COMPLAINT_REFERRAL')).toBe(true);
      const caseQueries = spy.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('mediation.cases'));
      expect(caseQueries).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});
