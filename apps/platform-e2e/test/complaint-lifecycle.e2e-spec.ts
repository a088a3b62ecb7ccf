import { randomUUID } from 'node:crypto';
import { adminQuery, bearer, devToken, E2E_DATABASE, graphqlRequest, startPlatformUnderTest, waitFor, type GraphQLResponse } from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;
type StepResult = GraphQLResponse<Record<string, { complaint: { status: string; version: number; handlerId: string | null } }>>;

const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id version } } }`;
const step = (mutation: string) =>
  `mutation($input: ${inputTypeOf[mutation]}!) { ${mutation}(input: $input) { complaint { status version handlerId } } }`;
const inputTypeOf: Record<string, string> = {
  acceptComplaint: 'ComplaintStepInput',
  startInvestigation: 'ComplaintStepInput',
  declineComplaint: 'DeclineComplaintInput',
  assignComplaint: 'AssignComplaintInput',
  withdrawComplaint: 'WithdrawComplaintInput',
  requestReview: 'RequestReviewInput',
  completeReview: 'CompleteReviewInput',
  proposeResolution: 'ProposeResolutionInput',
  acceptResolution: 'ComplaintStepInput',
  rejectResolution: 'RejectResolutionInput',
  carryOutResolution: 'CarryOutResolutionInput',
  recordFollowUp: 'RecordFollowUpInput',
  closeComplaint: 'ComplaintStepInput',
  archiveComplaint: 'ComplaintStepInput',
};

describe('the complaint lifecycle through the gateway', () => {
  let platform: Platform;
  const tenantId = randomUUID();
  const auth = bearer(devToken(tenantId, 'handler:zhou-min', ['handler']));
  // The review group's conclusion is the reviewers' to record, not the handler's.
  const reviewer = bearer(devToken(tenantId, 'reviewer:qian-li', ['reviewer']));
  const call = (mutation: string, input: Record<string, unknown>) =>
    graphqlRequest(platform.processes.gatewayUrl, step(mutation), { input }, mutation === 'completeReview' ? reviewer : auth) as Promise<StepResult>;
  const file = async () => {
    const result = await graphqlRequest<{ fileComplaint: { complaint: { id: string } } }>(
      platform.processes.gatewayUrl,
      FILE,
      {
        input: {
          channel: 'HOTLINE',
          complainant: { name: '赵丽', phone: '13600004444', locale: 'zh_CN' },
          productName: '京东金融·金条',
          // A loan of its own each time: the same complainant on the same loan would be a repeat, merged.
          contractNumber: `JDJR-${randomUUID().slice(0, 8)}`,
          description: '催收员 staff-0042 在晚上十一点后多次来电，并威胁上门。',
          involvedStaff: ['staff-0042'],
        },
      },
      auth,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.fileComplaint.complaint.id;
  };
  const notices = async (complaintId: string) =>
    adminQuery<{ kind: string; body: string }>(platform.infra.adminUrl, E2E_DATABASE, 'SELECT kind, body FROM notifications.notices WHERE tenant_id = $1 AND complaint_id = $2', [tenantId, complaintId]);

  beforeAll(async () => {
    platform = await startPlatformUnderTest('lifecycle');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('accepts, assigns with recusal, investigates, and keeps the timeline', async () => {
    const id = await file();
    const accepted = await call('acceptComplaint', { complaintId: id, expectedVersion: 1 });
    expect(accepted.data!['acceptComplaint']!.complaint).toMatchObject({ status: 'ACCEPTED', version: 2 });

    const again = await call('acceptComplaint', { complaintId: id });
    expect(again.errors![0]!.extensions?.['code']).toBe('CONFLICT');
    expect(again.errors![0]!.message).toContain('ACCEPTED');
    expect(again.errors![0]!.message).toContain('RECEIVED');

    const recused = await call('assignComplaint', { complaintId: id, handlerId: 'staff-0042', team: '投诉处理一组' });
    expect(recused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handlerId' });

    const stale = await call('assignComplaint', { complaintId: id, handlerId: 'staff-0007', expectedVersion: 1 });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion' });

    const assigned = await call('assignComplaint', { complaintId: id, handlerId: 'staff-0007', team: '投诉处理一组', expectedVersion: 2 });
    expect(assigned.data!['assignComplaint']!.complaint).toMatchObject({ status: 'ASSIGNED', handlerId: 'staff-0007', version: 3 });
    const investigating = await call('startInvestigation', { complaintId: id });
    expect(investigating.data!['startInvestigation']!.complaint.status).toBe('INVESTIGATING');

    const view = await graphqlRequest<{ complaint: { availableActions: string[]; timeline: { action: string; toStatus: string; note: string | null }[] } }>(
      platform.processes.gatewayUrl,
      'query($id: ID!) { complaint(id: $id) { availableActions timeline { action toStatus note actorId } } }',
      { id },
      auth,
    );
    expect(view.data!.complaint.timeline.map((s) => `${s.action}:${s.toStatus}`)).toEqual([
      'FILE:RECEIVED',
      'ACCEPT:ACCEPTED',
      'ASSIGN:ASSIGNED',
      'START_INVESTIGATION:INVESTIGATING',
    ]);
    expect(view.data!.complaint.timeline[2]!.note).toBe('staff-0007 (投诉处理一组)');
    expect(view.data!.complaint.availableActions).toEqual(expect.arrayContaining(['REQUEST_REVIEW', 'PROPOSE_RESOLUTION', 'WITHDRAW']));

    await waitFor('the acceptance notice', async () => (await notices(id)).some((n) => n.kind === 'COMPLAINT_ACCEPTED'));
    const withdrawn = await call('withdrawComplaint', { complaintId: id, reason: '已与平台协商解决' });
    expect(withdrawn.data!['withdrawComplaint']!.complaint.status).toBe('WITHDRAWN');
  });

  it('carries a complaint from intake to archive, through review, a rejected and an accepted resolution', async () => {
    const id = await file();
    const resolution = {
      outcome: 'PARTLY_UPHELD',
      reasons: '夜间催收违反公司催收规范；威胁上门的说法经录音核实属实。',
      remedies: [{ type: 'COMPENSATION', amount: { amountMinor: 20000, currency: 'CNY' } }, { type: 'EXPLANATION', description: '书面致歉并说明整改措施' }],
      accountability: '涉事催收员停岗培训，外包催收机构扣减当月服务费',
    };
    const steps: [string, Record<string, unknown>, string][] = [
      ['acceptComplaint', {}, 'ACCEPTED'],
      ['assignComplaint', { handlerId: 'staff-0007', team: '投诉处理一组' }, 'ASSIGNED'],
      ['startInvestigation', {}, 'INVESTIGATING'],
      ['requestReview', { note: '涉及外包催收机构，提交投诉审查委员会' }, 'UNDER_REVIEW'],
      ['completeReview', { conclusion: '委员会认定催收行为违规，同意部分支持' }, 'INVESTIGATING'],
      ['proposeResolution', { ...resolution, remedies: [{ type: 'EXPLANATION' }] }, 'RESOLUTION_PROPOSED'],
      ['rejectResolution', { reason: '只道歉不够，要求赔偿' }, 'INVESTIGATING'],
      ['proposeResolution', resolution, 'RESOLUTION_PROPOSED'],
      ['acceptResolution', {}, 'RESOLUTION_ACCEPTED'],
      ['carryOutResolution', { note: '补偿金 200 元已于当日到账' }, 'RESOLVED'],
      ['recordFollowUp', { satisfaction: 4, comment: '处理及时，希望杜绝夜间来电' }, 'FOLLOWED_UP'],
      ['closeComplaint', {}, 'CLOSED'],
      ['archiveComplaint', {}, 'ARCHIVED'],
    ];
    for (const [mutation, extra, status] of steps) {
      if (mutation === 'recordFollowUp') {
        const bad = await call(mutation, { complaintId: id, satisfaction: 6 });
        expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.satisfaction' });
      }
      const result = await call(mutation, { complaintId: id, ...extra });
      expect(result.errors).toBeUndefined();
      expect(result.data![mutation]!.complaint.status).toBe(status);
    }
    const view = await graphqlRequest<{
      complaint: { availableActions: string[]; resolution: { outcome: string; remedies: { type: string; amount: { amountMinor: number } | null }[] }; followUp: { satisfaction: number }; timeline: unknown[]; clocks: { kind: string; state: string }[] };
    }>(
      platform.processes.gatewayUrl,
      'query($id: ID!) { complaint(id: $id) { availableActions resolution { outcome remedies { type amount { amountMinor } } } followUp { satisfaction } timeline { action } clocks { kind state } } }',
      { id },
      auth,
    );
    expect(view.data!.complaint).toMatchObject({
      availableActions: [],
      resolution: { outcome: 'PARTLY_UPHELD', remedies: [{ type: 'COMPENSATION', amount: { amountMinor: 20000 } }, { type: 'EXPLANATION', amount: null }] },
      followUp: { satisfaction: 4 },
      clocks: [
        { kind: 'FIRST_REPLY', state: 'MET' },
        { kind: 'DECISION', state: 'MET' },
      ],
    });
    expect(view.data!.complaint.timeline).toHaveLength(steps.length + 1);
  });

  it('raises exactly one escalation per breached clock, across restarts of the service', async () => {
    const id = await file();
    const alerts = () =>
      adminQuery<{ clock: string; alert: string }>(
        platform.infra.adminUrl,
        E2E_DATABASE,
        `SELECT envelope->'payload'->>'clock' AS clock, envelope->'payload'->>'alert' AS alert FROM complaints.outbox
          WHERE message_key = $1 AND event_type = 'complaints.ComplaintClockAlert' ORDER BY clock`,
        [id],
      );
    // Time passes while the service is down: both clocks of this complaint fall due.
    await platform.processes.stop('complaints');
    await adminQuery(
      platform.infra.adminUrl,
      E2E_DATABASE,
      `UPDATE complaints.complaints SET first_reply_due_at = now() - interval '1 hour', decision_due_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    await platform.processes.start('complaints');
    await waitFor('both escalations', async () => (await alerts()).length >= 2, 30_000, 200);

    await platform.processes.stop('complaints');
    await platform.processes.start('complaints');
    await new Promise((r) => setTimeout(r, 2_000)); // four scans after the restart
    expect(await alerts()).toEqual([
      { clock: 'DECISION', alert: 'BREACH' },
      { clock: 'FIRST_REPLY', alert: 'BREACH' },
    ]);
  });

  it('lets exactly one of two simultaneous accepts win', async () => {
    const id = await file();
    const results = await Promise.all([call('acceptComplaint', { complaintId: id }), call('acceptComplaint', { complaintId: id })]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.errors![0]!.extensions?.['code']).toBe('CONFLICT');
    const [events] = await adminQuery<{ n: number }>(
      platform.infra.adminUrl,
      E2E_DATABASE,
      `SELECT count(*)::int AS n FROM complaints.outbox WHERE message_key = $1 AND event_type = 'complaints.ComplaintStatusChanged'`,
      [id],
    );
    expect(events!.n).toBe(1);
    const [steps] = await adminQuery<{ n: number }>(platform.infra.adminUrl, E2E_DATABASE, `SELECT count(*)::int AS n FROM complaints.complaint_steps WHERE complaint_id = $1 AND action = 'accept'`, [id]);
    expect(steps!.n).toBe(1);
  });

  it('tells the complainant why a complaint was not accepted', async () => {
    const id = await file();
    const reason = '该笔借款已由法院判决，不属于投诉受理范围';
    const declined = await call('declineComplaint', { complaintId: id, reason });
    expect(declined.data!['declineComplaint']!.complaint.status).toBe('NOT_ACCEPTED');
    const notice = await waitFor('the not-accepted notice', async () => (await notices(id)).find((n) => n.kind === 'COMPLAINT_NOT_ACCEPTED'));
    expect(notice.body).toContain(reason);
  });

  it.each([
    ['a missing reason', 'declineComplaint', { reason: '  ' }, 'BAD_USER_INPUT'],
    ['a complaint of another lender', 'acceptComplaint', {}, 'NOT_FOUND'],
  ])('refuses %s and changes nothing', async (_case, mutation, extra, code) => {
    const id = await file();
    const input = { complaintId: id, ...extra };
    const result =
      code === 'NOT_FOUND'
        ? ((await graphqlRequest(platform.processes.gatewayUrl, step(mutation), { input }, bearer(devToken(randomUUID(), 'handler:other-lender', ['handler'])))) as StepResult)
        : await call(mutation, input);
    expect(result.errors![0]!.extensions?.['code']).toBe(code);
    const [row] = await adminQuery<{ status: string; version: number }>(platform.infra.adminUrl, E2E_DATABASE, 'SELECT status, version FROM complaints.complaints WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'RECEIVED', version: 1 });
  });
});
