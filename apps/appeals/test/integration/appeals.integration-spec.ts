import { randomUUID } from 'node:crypto';
import { ComplaintFiledV1, MediationConcludedV1, RefundRejectedV1, RegulatorReferralReceivedV1, TenantOnboardedV1, DEFAULT_COMPLAINT_CLOCK_POLICY } from '@redress/contracts';
import { createLogger } from '@redress/logger';
import { AppealClockAlertScheduler } from '../../src/appeal/jobs/clock-alerts/appeal-clock-alert.scheduler';
import {
  APPEAL_FIELDS,
  callAs,
  complaintDecision,
  decisionEvent,
  deliver,
  DECISIONS,
  event,
  FILE,
  outboxTypes,
  sql,
  startAppeals,
  type Service,
} from './appeals-harness';

const DAY = 86_400_000;

describe('appeals against decisions learnt from events', () => {
  let service: Service;
  const tenantId = randomUUID();
  const borrower = { tenantId, actorId: 'borrower:NWD-CUST-0001', roles: ['borrower'], borrowerId: 'NWD-CUST-0001' };
  const otherBorrower = { tenantId, actorId: 'borrower:NWD-CUST-0002', roles: ['borrower'], borrowerId: 'NWD-CUST-0002' };
  const supervisor = { tenantId, actorId: 'supervisor:liu-yang', roles: ['supervisor'] };
  const as = (caller: Parameters<typeof callAs>[1], query: string, variables: Record<string, unknown> = {}) =>
    callAs<Record<string, { appeal: Record<string, unknown> } & Record<string, unknown>>>(service, caller, query, variables);
  const decisionIdOf = async (subjectId: string, caller: Parameters<typeof callAs>[1] = supervisor) => {
    const r = await callAs<{ appealableDecisions: { edges: { node: { id: string } }[] } }>(service, caller, DECISIONS, { f: { subjectId } });
    expect(r.errors).toBeUndefined();
    return r.data!.appealableDecisions.edges[0]?.node.id;
  };
  const learn = async (overrides: Parameters<typeof complaintDecision>[0] = {}) => {
    const payload = complaintDecision(overrides);
    expect(await deliver(service, decisionEvent(tenantId, payload))).toBe('handled');
    return { payload, decisionId: (await decisionIdOf(payload.complaintId))! };
  };
  const file = (caller: Parameters<typeof callAs>[1], decisionId: string) =>
    as(caller, FILE, { input: { decisionId, grounds: '合同中未见服务费条款，要求复核。', topic: 'INTEREST_FEE_TRANSPARENCY', feeType: 'SERVICE_FEE' } });

  beforeAll(async () => {
    service = await startAppeals();
    // 桔多多 counts its days in Shanghai.
    await deliver(
      service,
      event(
        TenantOnboardedV1,
        {
          tenantId,
          name: '桔多多',
          code: 'JDD',
          locales: ['zh-CN'],
          defaultLocale: 'zh-CN',
          timeZone: 'Asia/Shanghai',
          enabledChannels: ['APP', 'HOTLINE'],
          clockPolicy: DEFAULT_COMPLAINT_CLOCK_POLICY,
          refundPolicy: null,
          revision: 1,
          onboardedAt: new Date().toISOString(),
        },
        { tenantId, aggregateId: tenantId },
      ),
    );
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('learns one appealable decision from a decision event delivered twice, and from a republished copy', async () => {
    const payload = complaintDecision();
    const first = decisionEvent(tenantId, payload);
    expect(await deliver(service, first)).toBe('handled');
    expect(await deliver(service, first)).toBe('duplicate');
    // The same decision in a new envelope (a replay by the producer) is still the same decision.
    expect(await deliver(service, decisionEvent(tenantId, payload))).toBe('handled');
    const rows = await sql(service, 'SELECT decider_ids FROM appeals.decisions WHERE tenant_id = $1 AND subject_id = $2', [tenantId, payload.complaintId]);
    expect(rows).toEqual([{ decider_ids: ['handler:zhou-min', 'reviewer:li-qiang'] }]);
    const recorded = (await outboxTypes(service, tenantId)).filter((t) => t === 'appeals.AppealableDecisionRecorded');
    const decisions = await sql(service, 'SELECT count(*)::int AS n FROM appeals.decisions WHERE tenant_id = $1', [tenantId]);
    expect(recorded).toHaveLength((decisions[0] as { n: number }).n);
  });

  it('learns refund rejections and mediation results, but not a mediation the borrower withdrew', async () => {
    const refundId = randomUUID();
    await deliver(
      service,
      event(
        RefundRejectedV1,
        {
          refundId,
          reference: 'TF20261125-000007',
          complaintId: null,
          borrowerId: 'NWD-CUST-0001',
          amount: { amountMinor: 38_000, currency: 'CNY' },
          reasons: '会员费已提供服务，不予退还。',
          reviewerIds: ['handler:sun-li', 'supervisor:qian-wei'],
          rejectedAt: new Date().toISOString(),
          locale: 'zh-CN',
        },
        { tenantId, aggregateId: refundId },
      ),
    );
    const withdrawnCase = randomUUID();
    await deliver(
      service,
      event(
        MediationConcludedV1,
        {
          caseId: withdrawnCase,
          reference: 'TJ20261125-000003',
          complaintId: null,
          borrowerId: 'NWD-CUST-0001',
          outcome: 'WITHDRAWN',
          summary: '借款人撤回调解申请。',
          mediatorIds: ['mediator:he-jing'],
          concludedAt: new Date().toISOString(),
          locale: 'zh-CN',
        },
        { tenantId, aggregateId: withdrawnCase },
      ),
    );
    expect(await decisionIdOf(refundId)).toBeDefined();
    expect(await decisionIdOf(withdrawnCase)).toBeUndefined();
  });

  it('files a borrower’s appeal in time; refuses another borrower’s, a missing one and a second open one, changing nothing', async () => {
    const { decisionId } = await learn();
    const before = await outboxTypes(service, tenantId);

    const foreign = await file(otherBorrower, decisionId);
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.decisionId' });
    const missing = await file(borrower, randomUUID());
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.decisionId' });
    expect(missing.errors![0]!.message).toBe(foreign.errors![0]!.message);
    // Another tenant's caller cannot see it either.
    const otherTenant = await file({ ...borrower, tenantId: randomUUID() }, decisionId);
    expect(otherTenant.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await outboxTypes(service, tenantId)).toEqual(before);

    const filed = await file(borrower, decisionId);
    expect(filed.errors).toBeUndefined();
    expect(filed.data!['fileAppeal']!.appeal).toMatchObject({ status: 'FILED', serious: false, version: 1 });
    expect(filed.data!['fileAppeal']!.appeal['reference']).toMatch(/^SS\d{8}-\d{6}$/);

    const second = await file(borrower, decisionId);
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.decisionId', openAppealStatus: 'FILED' });
    const appeals = await sql(service, 'SELECT count(*)::int AS n FROM appeals.appeals WHERE tenant_id = $1 AND decision_id = $2', [tenantId, decisionId]);
    expect(appeals).toEqual([{ n: 1 }]);
    expect((await outboxTypes(service, tenantId)).slice(before.length)).toEqual(['appeals.AppealFiled']);
  });

  it('refuses a late appeal with the day the window closed (Shanghai days)', async () => {
    // Received 31 days ago at 10:00 Shanghai: the 30th day after it was yesterday.
    const receivedAt = new Date(Date.now() - 31 * DAY);
    const { decisionId } = await learn({ issuedAt: receivedAt.toISOString() });
    const before = await outboxTypes(service, tenantId);
    const late = await file(borrower, decisionId);
    expect(late.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPEAL_WINDOW_CLOSED', timeZone: 'Asia/Shanghai' });
    const lastDay = late.errors![0]!.extensions!['windowLastDay'] as string;
    expect(late.errors![0]!.message).toContain(lastDay);
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(receivedAt.getTime() + 30 * DAY));
    expect(lastDay).toBe(expected);
    expect(await outboxTypes(service, tenantId)).toEqual(before);
  });

  it('refuses the original handler as reviewer, then decides with an independent one, publishing AppealUpheld once however often it is retried', async () => {
    const { decisionId, payload } = await learn();
    const appealId = (await file(borrower, decisionId)).data!['fileAppeal']!.appeal['id'] as string;
    const before = await outboxTypes(service, tenantId);

    const recused = await as(supervisor, `mutation($i: AssignAppealReviewerInput!) { assignAppealReviewer(input: $i) { appeal { ${APPEAL_FIELDS} } } }`, {
      i: { appealId, reviewerId: 'handler:zhou-min' },
    });
    expect(recused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reviewerId' });
    expect(await outboxTypes(service, tenantId)).toEqual(before);
    expect(await sql(service, 'SELECT status, reviewer_id, version FROM appeals.appeals WHERE tenant_id = $1 AND id = $2', [tenantId, appealId])).toEqual([
      { status: 'FILED', reviewer_id: null, version: 1 },
    ]);

    const assigned = await as(supervisor, `mutation($i: AssignAppealReviewerInput!) { assignAppealReviewer(input: $i) { appeal { ${APPEAL_FIELDS} } } }`, {
      i: { appealId, reviewerId: 'reviewer:wang-fang', expectedVersion: 1 },
    });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!['assignAppealReviewer']!.appeal).toMatchObject({ status: 'UNDER_REVIEW', reviewerId: 'reviewer:wang-fang' });

    // The original handler cannot decide it either.
    const byHandler = await as({ tenantId, actorId: 'handler:zhou-min', roles: ['handler'] }, DECIDE, {
      i: { appealId, outcome: 'DISMISSED', reasons: '维持原决定' },
    });
    expect(byHandler.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const reviewer = { tenantId, actorId: 'reviewer:wang-fang', roles: ['reviewer'] };
    const input = { appealId, outcome: 'UPHELD', reasons: '合同未载明服务费，原决定应予纠正。', expectedVersion: 2 };
    const results = await Promise.all([as(reviewer, DECIDE, { i: input }), as(reviewer, DECIDE, { i: input })]);
    const retried = await as(reviewer, DECIDE, { i: input });
    for (const r of [...results, retried]) {
      // A retry of the same decision either returns it as recorded, or (racing) loses with a CONFLICT; never a second outcome.
      if (r.errors) expect(r.errors[0]!.extensions!['code']).toBe('CONFLICT');
      else expect(r.data!['decideAppeal']!.appeal).toMatchObject({ status: 'UPHELD', decidedBy: 'reviewer:wang-fang' });
    }
    expect(retried.errors).toBeUndefined();
    const dismissAfter = await as(reviewer, DECIDE, { i: { ...input, outcome: 'DISMISSED' } });
    expect(dismissAfter.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });

    const upheld = await sql<{ envelope: { payload: { target: unknown; borrowerId: string } } }>(
      service,
      `SELECT envelope FROM appeals.outbox WHERE tenant_id = $1 AND event_type = 'appeals.AppealUpheld' AND message_key = $2`,
      [tenantId, appealId],
    );
    expect(upheld).toHaveLength(1);
    expect(upheld[0]!.envelope.payload).toMatchObject({
      target: { kind: 'COMPLAINT_DECISION', subjectId: payload.complaintId, decisionId: payload.decisionId },
      borrowerId: 'NWD-CUST-0001',
    });
    expect((await outboxTypes(service, tenantId)).filter((t) => t === 'appeals.AppealDismissed')).toHaveLength(0);
  });

  it('sends a serious appeal to the committee: each vote recorded, the chair decides, AppealDismissed once', async () => {
    const caseId = randomUUID();
    await deliver(
      service,
      event(
        MediationConcludedV1,
        {
          caseId,
          reference: 'TJ20261125-000009',
          complaintId: null,
          borrowerId: 'NWD-CUST-0001',
          outcome: 'FAILURE',
          summary: '双方未能就减免罚息达成一致。',
          mediatorIds: ['mediator:he-jing'],
          concludedAt: new Date().toISOString(),
          locale: 'zh-CN',
        },
        { tenantId, aggregateId: caseId },
      ),
    );
    const decisionId = (await decisionIdOf(caseId))!;
    const filed = await file(borrower, decisionId);
    expect(filed.data!['fileAppeal']!.appeal).toMatchObject({ serious: true });
    const appealId = filed.data!['fileAppeal']!.appeal['id'] as string;

    const single = await as(supervisor, `mutation($i: AssignAppealReviewerInput!) { assignAppealReviewer(input: $i) { appeal { id } } }`, {
      i: { appealId, reviewerId: 'reviewer:wang-fang' },
    });
    expect(single.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    const withMediator = await as(supervisor, REFER, { i: { appealId, memberIds: ['reviewer:wang-fang', 'reviewer:chen-jie', 'mediator:he-jing'], chairId: 'reviewer:wang-fang' } });
    expect(withMediator.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberIds.2' });

    const members = ['reviewer:wang-fang', 'reviewer:chen-jie', 'supervisor:liu-yang'];
    const referred = await as(supervisor, REFER, { i: { appealId, memberIds: members, chairId: 'supervisor:liu-yang' } });
    expect(referred.data!['referAppealToCommittee']!.appeal).toMatchObject({ status: 'IN_COMMITTEE' });

    const worklist = await callAs<{ committeeWorklist: { edges: { node: { id: string } }[] } }>(
      service,
      { tenantId, actorId: 'reviewer:chen-jie', roles: ['reviewer'] },
      '{ committeeWorklist { edges { node { id } } } }',
    );
    expect(worklist.data!.committeeWorklist.edges.map((e) => e.node.id)).toContain(appealId);

    const vote = (actorId: string, v: string) => as({ tenantId, actorId, roles: ['reviewer', 'supervisor'] }, VOTE, { i: { appealId, vote: v, opinion: `${actorId} 的意见` } });
    expect((await vote('reviewer:wang-fang', 'DISMISS')).errors).toBeUndefined();
    const twice = await vote('reviewer:wang-fang', 'UPHOLD');
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.vote' });
    const early = await as(supervisor, DECIDE, { i: { appealId, outcome: 'DISMISSED', reasons: '委员会维持调解结果' } });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await vote('reviewer:chen-jie', 'DISMISS')).errors).toBeUndefined();
    const outsider = await vote('reviewer:zhao-lei', 'UPHOLD');
    expect(outsider.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const notChair = await as({ tenantId, actorId: 'reviewer:wang-fang', roles: ['reviewer'] }, DECIDE, { i: { appealId, outcome: 'DISMISSED', reasons: '维持' } });
    expect(notChair.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const decided = await as(supervisor, DECIDE, { i: { appealId, outcome: 'DISMISSED', reasons: '委员会两票维持：调解程序合法，罚息减免不符合困难认定条件。' } });
    expect(decided.data!['decideAppeal']!.appeal).toMatchObject({
      status: 'DISMISSED',
      decidedBy: 'supervisor:liu-yang',
      committee: { upholdVotes: 0, dismissVotes: 2, pendingVotes: 1 },
    });
    const seats = await sql(service, 'SELECT member_id, vote FROM appeals.committee_seats WHERE tenant_id = $1 AND appeal_id = $2 ORDER BY member_id', [tenantId, appealId]);
    expect(seats).toEqual([
      { member_id: 'reviewer:chen-jie', vote: 'DISMISS' },
      { member_id: 'reviewer:wang-fang', vote: 'DISMISS' },
      { member_id: 'supervisor:liu-yang', vote: null },
    ]);
    const events = await sql<{ event_type: string }>(service, 'SELECT event_type FROM appeals.outbox WHERE tenant_id = $1 AND message_key = $2 ORDER BY seq', [tenantId, appealId]);
    expect(events.map((e) => e.event_type)).toEqual([
      'appeals.AppealFiled',
      'appeals.AppealReferredToCommittee',
      'appeals.AppealCommitteeVoteCast',
      'appeals.AppealCommitteeVoteCast',
      'appeals.AppealDismissed',
    ]);
  });

  it('records a regulator referral as an inbound escalation of the existing complaint, once', async () => {
    const complaintId = randomUUID();
    await deliver(
      service,
      event(
        ComplaintFiledV1,
        {
          complaintId,
          reference: 'TS20261120-000011',
          channel: 'APP',
          productName: '你我贷·极速借',
          receivedAt: new Date(Date.now() - 5 * DAY).toISOString(),
          firstReplyDueAt: new Date(Date.now() - 4 * DAY).toISOString(),
          decisionDueAt: new Date(Date.now() + 10 * DAY).toISOString(),
          locale: 'zh-CN',
        },
        { tenantId, aggregateId: complaintId },
      ),
    );
    const referral = {
      complaintId,
      reference: 'TS20261120-000011',
      regulator: '国家金融监督管理总局 12378 热线',
      regulatorReference: `12378-${randomUUID().slice(0, 8)}`,
      linkedToExisting: true,
      borrowerId: 'NWD-CUST-0001',
      receivedAt: new Date().toISOString(),
    };
    expect(await deliver(service, event(RegulatorReferralReceivedV1, referral, { tenantId, aggregateId: complaintId }))).toBe('handled');
    expect(await deliver(service, event(RegulatorReferralReceivedV1, referral, { tenantId, aggregateId: complaintId }))).toBe('handled');
    const rows = await sql(service, 'SELECT route, direction, complaint_id, status FROM appeals.escalations WHERE tenant_id = $1 AND complaint_id = $2', [tenantId, complaintId]);
    expect(rows).toEqual([{ route: 'REGULATOR', direction: 'INBOUND', complaint_id: complaintId, status: 'OPEN' }]);

    const entity = await callAs<{ _entities: { externalEscalations: { route: string; externalReference: string; direction: string }[] }[] }>(
      service,
      supervisor,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { externalEscalations { route direction externalReference } } } }',
      { r: [{ __typename: 'Complaint', id: complaintId }] },
    );
    expect(entity.errors).toBeUndefined();
    expect(entity.data!._entities[0]!.externalEscalations).toEqual([{ route: 'REGULATOR', direction: 'INBOUND', externalReference: referral.regulatorReference }]);
  });

  it('lists a complaint’s appeals on Complaint.appeals, a borrower seeing only their own', async () => {
    const { payload, decisionId } = await learn();
    const appealId = (await file(borrower, decisionId)).data!['fileAppeal']!.appeal['id'] as string;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { appeals(first: 5) { edges { node { id status } } } } } }';
    const r = { r: [{ __typename: 'Complaint', id: payload.complaintId }] };
    const staff = await callAs<{ _entities: { appeals: { edges: { node: { id: string } }[] } }[] }>(service, supervisor, query, r);
    expect(staff.data!._entities[0]!.appeals.edges.map((e) => e.node.id)).toEqual([appealId]);
    const other = await callAs<{ _entities: { appeals: { edges: unknown[] } }[] }>(service, otherBorrower, query, r);
    expect(other.data!._entities[0]!.appeals.edges).toEqual([]);
  });

  it('keeps the window at 30 days or more, set by a tenant administrator only', async () => {
    const admin = { tenantId, actorId: 'admin:zhang-wei', roles: ['tenant_admin'] };
    const UPDATE = 'mutation($i: UpdateAppealPolicyInput!) { updateAppealPolicy(input: $i) { windowDays timeZone version } }';
    const short = await callAs(service, admin, UPDATE, { i: { windowDays: 29 } });
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.windowDays' });
    const forbidden = await callAs(service, supervisor, UPDATE, { i: { windowDays: 45 } });
    expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const ok = await callAs<{ updateAppealPolicy: { windowDays: number; timeZone: string } }>(service, admin, UPDATE, { i: { windowDays: 45 } });
    expect(ok.data!.updateAppealPolicy).toMatchObject({ windowDays: 45, timeZone: 'Asia/Shanghai' });
    // Learnt while the window was 45 days, received 35 days ago: shortening the policy later does not cut it short.
    const { decisionId } = await learn({ issuedAt: new Date(Date.now() - 35 * DAY).toISOString() });
    await callAs(service, admin, UPDATE, { i: { windowDays: 30 } });
    const filed = await file(borrower, decisionId);
    expect(filed.errors).toBeUndefined();
  });

  it('lets two simultaneous filings on one decision make one appeal; after a withdrawal the borrower may appeal again', async () => {
    const { decisionId } = await learn();
    const [a, b] = await Promise.all([file(borrower, decisionId), file(borrower, decisionId)]);
    const won = [a, b].filter((r) => !r.errors);
    const lost = [a, b].filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost[0]!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.decisionId' });
    const appealId = won[0]!.data!['fileAppeal']!.appeal['id'] as string;

    const WITHDRAW = 'mutation($i: WithdrawAppealInput!) { withdrawAppeal(input: $i) { appeal { id status withdrawnReason } } }';
    const notTheirs = await as(otherBorrower, WITHDRAW, { i: { appealId } });
    expect(notTheirs.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.appealId' });
    const withdrawn = await as(borrower, WITHDRAW, { i: { appealId, reason: '已与平台协商一致' } });
    expect(withdrawn.data!['withdrawAppeal']!.appeal).toMatchObject({ status: 'WITHDRAWN', withdrawnReason: '已与平台协商一致' });
    const again = await file(borrower, decisionId);
    expect(again.errors).toBeUndefined();
  });

  it('lists appeals with filters and cursors; a borrower sees only their own and no staff ids', async () => {
    const LIST = 'query($f: AppealFilter, $after: String) { appeals(filter: $f, first: 2, after: $after) { edges { node { id status borrowerId reviewerId decision { deciderIds } } } pageInfo { hasNextPage endCursor } } }';
    type Page = { appeals: { edges: { node: { id: string; status: string; borrowerId: string; reviewerId: string | null; decision: { deciderIds: string[] } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof callAs<Page>>> = await callAs<Page>(service, supervisor, LIST, { f: { kinds: ['COMPLAINT_DECISION'] }, after });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.appeals.edges.map((e) => e.node.id));
      if (!page.data!.appeals.pageInfo.hasNextPage) break;
      after = page.data!.appeals.pageInfo.endCursor;
    }
    const all = await sql<{ id: string }>(
      service,
      `SELECT a.id FROM appeals.appeals a JOIN appeals.decisions d ON d.tenant_id = a.tenant_id AND d.id = a.decision_id
        WHERE a.tenant_id = $1 AND d.kind = 'COMPLAINT_DECISION' ORDER BY a.filed_at DESC, a.id DESC`,
      [tenantId],
    );
    expect(seen).toEqual(all.map((r) => r.id));
    expect(seen.length).toBeGreaterThan(2);

    const upheld = await callAs<Page>(service, supervisor, LIST, { f: { statuses: ['UPHELD'] } });
    expect(upheld.data!.appeals.edges.map((e) => e.node.status)).toEqual(['UPHELD']);
    expect(upheld.data!.appeals.edges[0]!.node.reviewerId).toBe('reviewer:wang-fang');

    const own = await callAs<Page>(service, otherBorrower, LIST, {});
    expect(own.data!.appeals.edges).toEqual([]);
    const mine = await callAs<Page>(service, borrower, LIST, { f: { statuses: ['UPHELD'] } });
    expect(mine.data!.appeals.edges[0]!.node).toMatchObject({ borrowerId: 'NWD-CUST-0001', reviewerId: null, decision: { deciderIds: [] } });
    const bad = await callAs(service, supervisor, LIST, { after: 'not-a-cursor' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('warns before and escalates after an appeal’s decision is due, each exactly once', async () => {
    const { decisionId } = await learn();
    const appeal = (await file(borrower, decisionId)).data!['fileAppeal']!.appeal as { id: string; clock: { dueAt: string } };
    const dueAt = new Date(appeal.clock.dueAt);
    const scheduler = (now: Date) => new AppealClockAlertScheduler(service.running.deps.dataSource, service.running.deps.outbox, createLogger('it', 'warn'), { intervalMs: 60_000, now: () => now });
    const alertsOf = async () =>
      (
        await sql<{ envelope: { payload: { alert: string } } }>(
          service,
          `SELECT envelope FROM appeals.outbox WHERE tenant_id = $1 AND message_key = $2 AND event_type = 'appeals.AppealClockAlert' ORDER BY seq`,
          [tenantId, appeal.id],
        )
      ).map((r) => r.envelope.payload.alert);
    await scheduler(new Date(dueAt.getTime() - 2 * 3_600_000)).raiseDueAlerts();
    await scheduler(new Date(dueAt.getTime() - 3_600_000)).raiseDueAlerts();
    expect(await alertsOf()).toEqual(['WARNING']);
    await scheduler(new Date(dueAt.getTime() + 1_000)).raiseDueAlerts();
    await scheduler(new Date(dueAt.getTime() + 60_000)).raiseDueAlerts();
    expect(await alertsOf()).toEqual(['WARNING', 'BREACH']);
  });
});

const DECIDE = `mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { appeal { ${APPEAL_FIELDS} } } }`;
const REFER = `mutation($i: ReferAppealToCommitteeInput!) { referAppealToCommittee(input: $i) { appeal { ${APPEAL_FIELDS} } } }`;
const VOTE = `mutation($i: CastCommitteeVoteInput!) { castCommitteeVote(input: $i) { appeal { ${APPEAL_FIELDS} } } }`;
