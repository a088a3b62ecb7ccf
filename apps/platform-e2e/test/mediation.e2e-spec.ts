import { randomUUID } from 'node:crypto';
import { parseEnvelope, type EventEnvelope } from '@redress/contracts';
import { adminQuery, bearer, consumerLag, devToken, E2E_DATABASE, graphqlRequest, startPlatformUnderTest, waitFor, type GraphQLResponse } from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;
type Caller = Record<string, string>;

/** A signed token for a borrower-scoped caller (the gateway reads `borrower_id` from it). */
const borrowerToken = (tenantId: string, borrowerId: string) =>
  bearer(devToken(tenantId, `borrower:${borrowerId}`, ['borrower'], borrowerId));

const CASE_FIELDS = `id reference status origin version availableActions
  proposals { round summary answer { kind reason } comments { text } }
  agreement { id round terms { term { kind amount { amountMinor currency } plan { schedule { totalPrincipal { amountMinor } endDate instalments { number } } } } carriedOutAt } }
  mediator { mediatorName mediator { actorId institution { name kind } } }
  sessions { id mode minutes }
  clocks { kind state }
  outcome { kind summary }`;

describe('mediation through the gateway: from a complaint referral, two proposal rounds, to an agreement carried out', () => {
  let platform: Platform;
  const tenantId = randomUUID();
  const otherTenantId = randomUUID();
  const handler = bearer(devToken(tenantId, 'staff-0007', ['handler']));
  const supervisor = bearer(devToken(tenantId, 'supervisor:wang-fang', ['supervisor']));
  const mediator = bearer(devToken(tenantId, 'mediator:liu-yang', ['mediator']));
  const partnerApp = bearer(devToken(tenantId, 'partner-app:niwodai', ['partner_app']));

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, caller: Caller) =>
    graphqlRequest<T>(platform.processes.gatewayUrl, query, variables, caller);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => adminQuery<T>(platform.infra.adminUrl, E2E_DATABASE, text, params);
  const ok = <T>(result: GraphQLResponse<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  type CaseView = {
    id: string;
    status: string;
    version: number;
    availableActions: string[];
    proposals: { round: number; answer: { kind: string; reason: string | null } | null; comments: { text: string }[] }[];
    agreement: {
      id: string;
      round: number;
      terms: { term: { kind: string; plan: { schedule: { totalPrincipal: { amountMinor: number }; endDate: string; instalments: unknown[] } } | null }; carriedOutAt: string | null }[];
    } | null;
    mediator: { mediatorName: string } | null;
    sessions: { id: string; mode: string; minutes: string | null }[];
    clocks: { kind: string; state: string }[];
    outcome: { kind: string; summary: string } | null;
  };
  const step = async (mutation: string, inputType: string, input: Record<string, unknown>, caller: Caller) =>
    gql<Record<string, { mediationCase: CaseView }>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { mediationCase { ${CASE_FIELDS} } } }`, { input }, caller);

  beforeAll(async () => {
    platform = await startPlatformUnderTest('mediation');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /** Files a complaint and carries it to an accepted resolution with a MEDIATION_REFERRAL remedy, through the complaints graph. */
  async function complaintReferredToMediation(): Promise<string> {
    const filed = ok(
      await gql<{ fileComplaint: { complaint: { id: string } } }>(
        `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
        {
          input: {
            channel: 'APP',
            complainant: { name: '陈建国', phone: '13912345678', locale: 'zh_CN' },
            productName: '你我贷·极速借',
            contractNumber: 'NWD-2025-118822',
            description: '因病住院两个月逾期，罚息和违约金共计 329.60 元，看不懂怎么算的，也申请不到延期。',
            disputedAmount: { amountMinor: 32960, currency: 'CNY' },
          },
        },
        handler,
      ),
    );
    const id = filed.fileComplaint.complaint.id;
    const steps: [string, string, Record<string, unknown>][] = [
      ['acceptComplaint', 'ComplaintStepInput', {}],
      ['assignComplaint', 'AssignComplaintInput', { handlerId: 'staff-0007', team: '投诉处理一组' }],
      ['startInvestigation', 'ComplaintStepInput', {}],
      [
        'proposeResolution',
        'ProposeResolutionInput',
        {
          outcome: 'PARTLY_UPHELD',
          reasons: '罚息按合同计收，但未向借款人说明计算方法；还款计划调整转调解。',
          remedies: [
            { type: 'EXPLANATION', description: '书面说明罚息与违约金的计算' },
            { type: 'MEDIATION_REFERRAL', description: '困难还款计划及费用减免转调解' },
          ],
        },
      ],
      ['acceptResolution', 'ComplaintStepInput', {}],
    ];
    for (const [mutation, type, extra] of steps) {
      const result = await gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { complaint { status } } }`, { input: { complaintId: id, ...extra } }, handler);
      expect(result.errors).toBeUndefined();
    }
    return id;
  }

  /**
   * The complaints service publishes `ComplaintResolutionAccepted` when the complainant accepts;
   * the test then puts the very same envelope on the complaint topic once more, as a broker
   * redelivery would: it must not open a second case.
   */
  async function redeliverReferral(complaintId: string): Promise<EventEnvelope> {
    const [row] = await waitFor('the complaint\'s ComplaintResolutionAccepted in its outbox', () =>
      sql<{ envelope: unknown }>(
        `SELECT envelope FROM complaints.outbox WHERE tenant_id = $1 AND event_type = 'complaints.ComplaintResolutionAccepted' AND message_key = $2`,
        [tenantId, complaintId],
      ).then((rows) => (rows.length ? rows : null)),
    );
    const event = parseEnvelope(row!.envelope);
    const producer = platform.kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: platform.complaintTopic, messages: [{ key: complaintId, value: JSON.stringify(event) }] });
    } finally {
      await producer.disconnect();
    }
    return event;
  }

  async function registerMediators() {
    const team = ok(
      await gql<{ registerMediationInstitution: { id: string } }>(
        `mutation($input: RegisterMediationInstitutionInput!) { registerMediationInstitution(input: $input) { id } }`,
        { input: { name: '你我贷调解专员组', kind: 'IN_HOUSE' } },
        supervisor,
      ),
    ).registerMediationInstitution.id;
    const register = async (actorId: string, name: string) =>
      ok(
        await gql<{ registerMediator: { id: string } }>(
          `mutation($input: RegisterMediatorInput!) { registerMediator(input: $input) { id } }`,
          { input: { institutionId: team, actorId, name } },
          supervisor,
        ),
      ).registerMediator.id;
    return { liuYang: await register('mediator:liu-yang', '刘洋'), handlerAsMediator: await register('staff-0007', '周敏') };
  }

  const planTerm = (termMonths: number) => ({
    kind: 'REPAYMENT_PLAN',
    description: `剩余本金 24,000 元分 ${termMonths} 期等额本息，年利率 18%`,
    plan: { outstandingPrincipal: { amountMinor: 2_400_000, currency: 'CNY' }, annualRateBps: 1800, termMonths, method: 'EQUAL_INSTALMENT', firstDueDate: '2026-12-10' },
  });

  it('opens one case from the referral, recuses the complaint handler, and reaches an agreement in the second round', async () => {
    const complaintId = await complaintReferredToMediation();
    const referral = await redeliverReferral(complaintId);
    expect((referral.payload as { remedies: { type: string }[] }).remedies.map((r) => r.type)).toEqual(['EXPLANATION', 'MEDIATION_REFERRAL']);

    const referred = await waitFor('the referred case, on the complaint through the gateway', async () => {
      const r = await gql<{ complaint: { reference: string; status: string; mediation: { id: string; status: string; origin: string } | null } }>(
        `query($id: ID!) { complaint(id: $id) { reference status mediation { id status origin } } }`,
        { id: complaintId },
        handler,
      );
      return r.data?.complaint?.mediation ? r.data.complaint : null;
    });
    expect(referred.status).toBe('RESOLUTION_ACCEPTED');
    expect(referred.mediation).toMatchObject({ status: 'SUBMITTED', origin: 'COMPLAINT_REFERRAL' });
    const caseId = referred.mediation!.id;
    await waitFor('the mediation consumer to handle both deliveries', async () => (await consumerLag(platform.kafka, platform.groupOf('mediation'), platform.complaintTopic)) === 0, 60_000, 200);
    expect(await sql(`SELECT id FROM mediation.cases WHERE tenant_id = $1 AND complaint_id = $2`, [tenantId, complaintId])).toHaveLength(1);
    expect(await sql(`SELECT 1 FROM mediation.inbox WHERE tenant_id = $1 AND event_id = $2`, [tenantId, referral.id])).toHaveLength(1);

    const { liuYang, handlerAsMediator } = await registerMediators();
    const reviewed = await step('reviewMediationCase', 'ReviewMediationCaseInput', { caseId, decision: 'ACCEPT', reasons: '投诉决定转介，材料齐全，予以受理', expectedVersion: 1 }, supervisor);
    expect(reviewed.data!['reviewMediationCase']!.mediationCase).toMatchObject({ status: 'AWAITING_MEDIATOR' });
    expect(reviewed.data!['reviewMediationCase']!.mediationCase.clocks).toContainEqual({ kind: 'ACCEPTANCE_REVIEW', state: 'MET' });

    // The complaint's own handler has an interest in the case.
    const recused = await step('assignMediator', 'AssignMediatorInput', { caseId, mediatorId: handlerAsMediator }, supervisor);
    expect(recused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mediatorId' });
    // A mediator of another lender is not found.
    const foreignInstitution = ok(
      await gql<{ registerMediationInstitution: { id: string } }>(
        `mutation($input: RegisterMediationInstitutionInput!) { registerMediationInstitution(input: $input) { id } }`,
        { input: { name: '桔多多调解专员组', kind: 'IN_HOUSE' } },
        bearer(devToken(otherTenantId, 'admin:jdd', ['tenant_admin'])),
      ),
    ).registerMediationInstitution.id;
    const foreignMediator = ok(
      await gql<{ registerMediator: { id: string } }>(
        `mutation($input: RegisterMediatorInput!) { registerMediator(input: $input) { id } }`,
        { input: { institutionId: foreignInstitution, actorId: 'mediator:he-fang', name: '何芳' } },
        bearer(devToken(otherTenantId, 'admin:jdd', ['tenant_admin'])),
      ),
    ).registerMediator.id;
    const foreign = await step('assignMediator', 'AssignMediatorInput', { caseId, mediatorId: foreignMediator }, supervisor);
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.mediatorId' });

    const assigned = await step('assignMediator', 'AssignMediatorInput', { caseId, mediatorId: liuYang }, supervisor);
    expect(assigned.data!['assignMediator']!.mediationCase).toMatchObject({ status: 'IN_MEDIATION', mediator: { mediatorName: '刘洋' } });

    const session = await step(
      'scheduleMediationSession',
      'ScheduleMediationSessionInput',
      { caseId, mode: 'VIDEO', scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), participants: [{ role: 'BORROWER', participantId: 'C-20250731' }, { role: 'MEDIATOR', participantId: 'mediator:liu-yang' }] },
      mediator,
    );
    const sessionId = session.data!['scheduleMediationSession']!.mediationCase.sessions[0]!.id;
    ok(await step('recordSessionMinutes', 'RecordSessionMinutesInput', { caseId, sessionId, minutes: '借款人说明住院及收入中断情况；调解员解释罚息计算方法。', heldAt: new Date().toISOString() }, mediator));

    const round1 = await step('proposeMediationTerms', 'ProposeMediationTermsInput', { caseId, summary: '剩余本金分12期，罚息减半', terms: [planTerm(12)] }, mediator);
    expect(round1.data!['proposeMediationTerms']!.mediationCase.status).toBe('PROPOSAL_PENDING');
    ok(await step('rejectProposal', 'RejectProposalInput', { caseId, round: 1, reason: '月供仍超过目前收入' }, partnerApp));

    const round2 = await step(
      'proposeMediationTerms',
      'ProposeMediationTermsInput',
      {
        caseId,
        summary: '剩余本金分24期，免除罚息，退还已收违约金 200 元',
        terms: [
          planTerm(24),
          { kind: 'FEE_WAIVER', description: '免除罚息 129.60 元', amount: { amountMinor: 12960, currency: 'CNY' }, feeType: 'PENALTY_INTEREST' },
          { kind: 'REFUND', description: '退还已收违约金 200 元', amount: { amountMinor: 20000, currency: 'CNY' }, feeType: 'LATE_FEE', chargeReference: 'FEE-2026-10-0042' },
        ],
        replyWithinHours: 72,
      },
      mediator,
    );
    expect(round2.errors).toBeUndefined();
    ok(await step('commentOnProposal', 'CommentOnProposalInput', { caseId, round: 2, comment: '首期能否安排在 12 月 10 日之后？' }, partnerApp));
    const accepted = await step('acceptProposal', 'AcceptProposalInput', { caseId, round: 2, comment: '同意' }, partnerApp);
    const agreed = accepted.data!['acceptProposal']!.mediationCase;
    expect(agreed.status).toBe('AGREED');
    expect(agreed.proposals.map((p) => [p.round, p.answer?.kind, p.comments.length])).toEqual([
      [1, 'REJECTED', 0],
      [2, 'ACCEPTED', 1],
    ]);
    expect(agreed.agreement).toMatchObject({ round: 2 });
    // The agreed plan's schedule, computed by the same rules as the comparison.
    expect(agreed.agreement!.terms[0]!.term.plan!.schedule).toMatchObject({ totalPrincipal: { amountMinor: 2_400_000 }, endDate: '2028-11-10' });
    expect(agreed.agreement!.terms[0]!.term.plan!.schedule.instalments).toHaveLength(24);

    // The refund reaches the refunds service through the fixed contract; the outcome through MediationConcluded.
    const published = await waitFor('the agreement events to be published', async () => {
      const rows = await sql<{ event_type: string; envelope: { payload: Record<string, unknown> } }>(
        `SELECT event_type, envelope FROM mediation.outbox WHERE tenant_id = $1 AND message_key = $2 AND published_at IS NOT NULL
           AND event_type IN ('mediation.MediationConcluded', 'mediation.MediationRefundAgreed')`,
        [tenantId, caseId],
      );
      return rows.length === 2 ? rows : null;
    });
    const refund = published.find((e) => e.event_type === 'mediation.MediationRefundAgreed')!.envelope.payload;
    expect(refund).toMatchObject({ agreementId: agreed.agreement!.id, complaintId, refunds: [{ amount: { amountMinor: 20000, currency: 'CNY' }, feeType: 'LATE_FEE' }] });
    expect(published.find((e) => e.event_type === 'mediation.MediationConcluded')!.envelope.payload).toMatchObject({ outcome: 'AGREEMENT' });

    for (const termIndex of [0, 1, 2]) {
      ok(await step('recordTermCarriedOut', 'RecordTermCarriedOutInput', { caseId, termIndex, note: '已执行' }, mediator));
    }
    const closed = await gql<{ mediationCase: CaseView }>(`query($id: ID!) { mediationCase(id: $id) { ${CASE_FIELDS} } }`, { id: caseId }, handler);
    expect(ok(closed).mediationCase.status).toBe('CARRIED_OUT');

    const late = await step('proposeMediationTerms', 'ProposeMediationTermsInput', { caseId, summary: '再议', terms: [planTerm(36)] }, mediator);
    expect(late.errors![0]!.extensions?.['code']).toBe('CONFLICT');
    expect(late.errors![0]!.message).toMatch(/CARRIED_OUT.*IN_MEDIATION/);
  });

  it('lets a borrower open their own case and see only their own', async () => {
    const mine = borrowerToken(tenantId, 'C-30001');
    const opened = await gql<{ openMediationCase: { mediationCase: { id: string; reference: string; status: string; borrowerId: string } } }>(
      `mutation($input: OpenMediationCaseInput!) { openMediationCase(input: $input) { mediationCase { id reference status borrowerId } } }`,
      {
        input: {
          borrowerId: 'C-99999',
          productName: '桔多多·消费分期',
          summary: '失业后无力按期还款，希望延长期限、免除违约金。',
          materials: [{ kind: 'HARDSHIP_EVIDENCE', title: '解除劳动合同证明', contentHash: 'b'.repeat(64), mediaType: 'application/pdf', sizeBytes: 88_000 }],
          hardship: { type: 'UNEMPLOYMENT', description: '2026年10月被裁员', requests: ['EXTEND_TERM', 'WAIVE_LATE_FEES'] },
        },
      },
      mine,
    );
    // The case is the caller's whatever the input claims.
    expect(ok(opened).openMediationCase.mediationCase).toMatchObject({ status: 'SUBMITTED', borrowerId: 'C-30001' });
    expect(opened.data!.openMediationCase.mediationCase.reference).toMatch(/^TJ\d{8}-\d{6}$/);
    const listed = ok(await gql<{ mediationCases: { edges: { node: { borrowerId: string } }[] } }>(`{ mediationCases(first: 50) { edges { node { borrowerId } } } }`, {}, mine));
    expect(listed.mediationCases.edges.map((e) => e.node.borrowerId)).toEqual(['C-30001']);
    const staffView = ok(
      await gql<{ mediationCases: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        `{ mediationCases(first: 1, filter: { statuses: [SUBMITTED, CARRIED_OUT] }) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
        {},
        handler,
      ),
    );
    expect(staffView.mediationCases.pageInfo.hasNextPage).toBe(true);
    const other = ok(await gql<{ mediationCases: { edges: unknown[] } }>(`{ mediationCases { edges { cursor } } }`, {}, bearer(devToken(otherTenantId, 'staff-1', ['handler']))));
    expect(other.mediationCases.edges).toEqual([]);
  });

  it('computes schedules and fee breakdowns, and names the field of bad input', async () => {
    const comparison = `query($input: RepaymentPlanComparisonInput!) { repaymentPlanComparison(input: $input) {
      current { totalPrincipal { amountMinor } totalCost { amountMinor } monthlyAmount { amountMinor } endDate }
      proposed { totalPrincipal { amountMinor } totalPaid { amountMinor } totalCost { amountMinor } monthlyAmount { amountMinor } endDate instalments { total { amountMinor } } }
      optionsApplied roundingRule } }`;
    const input = {
      currency: 'CNY',
      outstandingPrincipalMinor: 2_400_000,
      overdueInterestMinor: 36_000,
      penaltyInterestMinor: 12_960,
      lateFeesMinor: 20_000,
      current: { annualRateBps: 1800, remainingTermMonths: 6, method: 'EQUAL_INSTALMENT', nextDueDate: '2026-12-10' },
      proposed: { annualRateBps: 1800, termMonths: 24, method: 'EQUAL_INSTALMENT', firstDueDate: '2026-12-10', spreadArrears: true, penaltyInterest: { relief: 'WAIVE' }, lateFees: { relief: 'WAIVE' } },
    };
    type Comparison = {
      repaymentPlanComparison: {
        current: { totalPrincipal: { amountMinor: number }; endDate: string };
        proposed: { totalPrincipal: { amountMinor: number }; totalPaid: { amountMinor: number }; endDate: string; instalments: { total: { amountMinor: number } }[] };
        optionsApplied: string[];
      };
    };
    const result = ok(await gql<Comparison>(comparison, { input }, bearer(devToken(tenantId, 'borrower:C-30001', ['borrower'], 'C-30001'))));
    const proposed = result.repaymentPlanComparison.proposed;
    expect(proposed.totalPrincipal.amountMinor).toBe(2_400_000);
    expect(proposed.instalments.reduce((a, i) => a + i.total.amountMinor, 0)).toBe(proposed.totalPaid.amountMinor);
    expect(proposed.endDate).toBe('2028-11-10');
    expect(result.repaymentPlanComparison.optionsApplied).toEqual(['EXTEND_TERM', 'PAY_ARREARS_IN_INSTALMENTS', 'WAIVE_PENALTY_INTEREST', 'WAIVE_LATE_FEES']);

    for (const [change, field] of [
      [{ outstandingPrincipalMinor: 0 }, 'input.outstandingPrincipalMinor'],
      [{ outstandingPrincipalMinor: -5 }, 'input.outstandingPrincipalMinor'],
      [{ proposed: { ...input.proposed, termMonths: 0 } }, 'input.proposed.termMonths'],
      [{ proposed: { ...input.proposed, termMonths: 121 } }, 'input.proposed.termMonths'],
      [{ proposed: { ...input.proposed, annualRateBps: 36_000 } }, 'input.proposed.annualRateBps'],
    ] as const) {
      const bad = await gql(comparison, { input: { ...input, ...change } }, handler);
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }

    const breakdown = ok(
      await gql<{ feeBreakdown: { lines: { kind: string; amount: { amountMinor: number }; formulaZhCn: string; days: number }[]; comprehensiveAnnualCostPercent: string; flags: string[] } }>(
        `query($input: FeeBreakdownInput!) { feeBreakdown(input: $input) { lines { kind amount { amountMinor } formulaZhCn days } comprehensiveAnnualCostPercent flags costMethod } }`,
        {
          input: {
            currency: 'CNY',
            principalMinor: 1_200_000,
            upfrontFeesMinor: 60_000,
            annualRateBps: 1200,
            termMonths: 12,
            method: 'EQUAL_PRINCIPAL',
            disbursedOn: '2026-01-15',
            monthlyFeeMinor: 6_000,
            overdueSince: '2026-08-15',
            asOf: '2026-10-14',
            penaltyAnnualRateBps: 1800,
            lateFeePerInstalmentMinor: 5_000,
          },
        },
        handler,
      ),
    );
    expect(breakdown.feeBreakdown.lines.find((l) => l.kind === 'PENALTY_INTEREST')).toMatchObject({ amount: { amountMinor: 4_450 }, days: 60 });
    expect(breakdown.feeBreakdown.flags).toEqual(['COMPREHENSIVE_COST_ABOVE_24_PERCENT']);
    expect(Number(breakdown.feeBreakdown.comprehensiveAnnualCostPercent)).toBeGreaterThan(24);
  });
});
