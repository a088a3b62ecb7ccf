import { randomUUID } from 'node:crypto';
import { ComplaintDecisionIssuedV1, ComplaintStatusChangedV1, TenantOnboardedV1, DEFAULT_COMPLAINT_CLOCK_POLICY } from '@redress/contracts';
import { LocalSmtpServer } from '@redress/devkit';
import { complaintFiled, CONFIGURE, contactChanged, event, fastDispatcher, startNotifications, type Notifications } from './support';

const SAVE = `mutation($input: SaveNotificationTemplateInput!) { saveNotificationTemplate(input: $input) { template { kind channel locale subject body version updatedBy } } }`;

describe('templates, preferences and the inbox', () => {
  let n: Notifications;
  const smtp = new LocalSmtpServer();

  beforeAll(async () => {
    fastDispatcher();
    await smtp.start();
    n = await startNotifications();
  });

  afterAll(async () => {
    await n?.stop();
    await smtp.stop();
  });

  const onboarded = (tenantId: string, revision: number, locales: ('zh-CN' | 'zh-TW' | 'en')[]) =>
    event(TenantOnboardedV1, tenantId, tenantId, {
      tenantId,
      name: '桔多多',
      code: 'JDD',
      locales,
      defaultLocale: locales[0]!,
      timeZone: 'Asia/Shanghai',
      enabledChannels: ['APP', 'HOTLINE'],
      clockPolicy: DEFAULT_COMPLAINT_CLOCK_POLICY,
      refundPolicy: null,
      revision,
      onboardedAt: new Date().toISOString(),
    });

  it('provisions default templates in the tenant locales on onboarding; edits survive a replay; an unknown variable is refused on save', async () => {
    const tenantId = randomUUID();
    const first = onboarded(tenantId, 1, ['zh-CN', 'en']);
    await n.publish(first);
    const count = async () => Number((await n.sql<{ n: string }>('SELECT count(*) AS n FROM notifications.templates WHERE tenant_id = $1', [tenantId]))[0]!.n);
    await n.waitFor('the default templates', async () => (await count()) === 20 * 4 * 2);

    const refused = await n.graph(tenantId, ['tenant_admin'], SAVE, {
      input: { kind: 'COMPLAINT_RECEIVED', channel: 'EMAIL', locale: 'zh_CN', subject: '已收到 {{reference}}', body: '{{borrowerName}}您好，{{productName}}' },
    });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    expect(refused.errors![0]!.message).toContain('borrowerName');
    const untouched = await n.sql<{ version: number; body: string }>(
      `SELECT version, body FROM notifications.templates WHERE tenant_id = $1 AND kind = 'COMPLAINT_RECEIVED' AND channel = 'EMAIL' AND locale = 'zh-CN'`,
      [tenantId],
    );
    expect(untouched[0]!.version).toBe(1);

    const forbidden = await n.graph(tenantId, ['handler'], SAVE, {
      input: { kind: 'COMPLAINT_RECEIVED', channel: 'EMAIL', locale: 'zh_CN', subject: 'x {{reference}}', body: 'y' },
    });
    expect(forbidden.errors![0]!.extensions!['code']).toBe('FORBIDDEN');

    const saved = await n.graph<{ saveNotificationTemplate: { template: { version: number; updatedBy: string } } }>(tenantId, ['tenant_admin'], SAVE, {
      input: {
        kind: 'COMPLAINT_RECEIVED',
        channel: 'IN_APP',
        locale: 'zh_CN',
        subject: '【{{tenantName}}】投诉已登记：{{reference}}',
        body: '您好！您关于「{{productName}}」的投诉已登记（编号 {{reference}}），我们会在{{firstReplyDueAt}}前联系您。',
        expectedVersion: 1,
      },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveNotificationTemplate.template).toMatchObject({ version: 2, updatedBy: 'it:tenant_admin' });
    const stale = await n.graph(tenantId, ['tenant_admin'], SAVE, {
      input: { kind: 'COMPLAINT_RECEIVED', channel: 'IN_APP', locale: 'zh_CN', subject: 'x {{reference}}', body: 'y', expectedVersion: 1 },
    });
    expect(stale.errors![0]!.extensions!['code']).toBe('CONFLICT');

    await n.publish(onboarded(tenantId, 2, ['zh-CN', 'en', 'zh-TW']), first);
    await n.waitFor('zh-TW added', async () => (await count()) === 20 * 4 * 3);

    const filed = complaintFiled(tenantId, 'zh-CN');
    await n.publish(filed);
    const notice = await n.waitFor('the notice', async () => (await n.notices(tenantId))[0]);
    expect(notice.subject).toBe(`【桔多多】投诉已登记：${filed.payload.reference}`);

    // A locale the tenant does not serve falls back to its default locale.
    const other = randomUUID();
    await n.publish(onboarded(other, 1, ['zh-TW']));
    await n.waitFor('templates', async () => Number((await n.sql<{ n: string }>('SELECT count(*) AS n FROM notifications.templates WHERE tenant_id = $1', [other]))[0]!.n) > 0);
    await n.publish(complaintFiled(other, 'en'));
    const fallback = await n.waitFor('the notice', async () => (await n.notices(other))[0]);
    expect(fallback.locale).toBe('zh-TW');
    expect(fallback.subject).toContain('我們已收到您的投訴');
  });

  it('honours opt-outs and quiet hours for ordinary notices, never for regulatory ones', async () => {
    const tenantId = randomUUID();
    await n.graph(tenantId, ['tenant_admin'], CONFIGURE.email, { input: { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'notice@juduoduo.example' } });
    // Quiet right now, in Beijing: from an hour ago to an hour ahead.
    const beijing = (offsetH: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Date.now() + offsetH * 3_600_000));
    const set = await n.graph(
      tenantId,
      ['borrower'],
      `mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { preferences { borrowerId optedOutChannels quietHours { start end } } } }`,
      { input: { optedOutChannels: [], quietHours: { start: beijing(-1), end: beijing(1) } } },
      'C-20001',
    );
    expect(set.errors).toBeUndefined();
    const badInput = await n.graph(tenantId, ['borrower'], `mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { preferences { borrowerId } } }`, {
      input: { optedOutChannels: ['IN_APP'], quietHours: null },
    }, 'C-20001');
    expect(badInput.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.optedOutChannels' });

    const filed = complaintFiled(tenantId, 'zh-CN');
    const p = filed.payload;
    await n.publish(filed, contactChanged(n, filed, { name: '周敏', phone: '13300005555', email: 'zhoumin@example.cn' }, 'C-20001'));
    const held = await n.waitFor('the acknowledgement held', async () =>
      (await n.notices(tenantId)).find((x) => x.channel === 'EMAIL' && x.last_error === "held for the borrower's quiet hours"),
    );
    expect(held.status).toBe('QUEUED');

    const decision = event(ComplaintDecisionIssuedV1, tenantId, p.complaintId, {
      complaintId: p.complaintId,
      reference: p.reference,
      decisionId: randomUUID(),
      outcome: 'UPHELD',
      reasons: '提前结清后继续收取服务费不符合合同第七条',
      remedies: [{ type: 'REFUND', amount: { amountMinor: 38000, currency: 'CNY' }, feeType: 'SERVICE_FEE', chargeReference: null, description: null }],
      borrowerId: 'C-20001',
      productName: p.productName,
      contractNumber: null,
      handlerId: 'handler:zhou',
      reviewerIds: [],
      locale: 'zh-CN',
      issuedAt: new Date().toISOString(),
    });
    await n.publish(decision);
    await n.waitFor('the decision email', async () => smtp.received.find((m) => m.subject === `投诉处理决定（编号 ${p.reference}）`));
    expect(smtp.received.filter((m) => m.subject?.includes(p.reference))).toHaveLength(1);

    // Opting out of email suppresses the ordinary acknowledgement, never the regulatory extension notice.
    await n.graph(tenantId, ['partner_app'], `mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { preferences { borrowerId } } }`, {
      input: { borrowerId: 'C-20001', optedOutChannels: ['EMAIL'], quietHours: null },
    });
    const status = (action: string) =>
      event(ComplaintStatusChangedV1, tenantId, p.complaintId, {
        complaintId: p.complaintId,
        reference: p.reference,
        action,
        fromStatus: 'INVESTIGATING',
        toStatus: 'INVESTIGATING',
        reason: '案情复杂，需调取三个月的通话录音',
        productName: p.productName,
        decisionDueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        locale: 'zh-CN',
        version: 6,
      });
    await n.publish(status('resumeClock'), status('extendDecision'));
    await n.waitFor('the extension email', async () => smtp.received.find((m) => m.subject === `投诉处理期限延长通知（编号 ${p.reference}）`));
    const resumed = await n.waitFor('the ordinary notice suppressed', async () =>
      (await n.notices(tenantId)).find((x) => x.channel === 'EMAIL' && x.kind === 'CLOCK_RESUMED' && x.status === 'SUPPRESSED'),
    );
    expect(resumed.regulatory).toBe(false);
  });

  it("a borrower's inbox shows their own in-app notices only", async () => {
    const tenantId = randomUUID();
    const mine = complaintFiled(tenantId);
    const theirs = complaintFiled(tenantId);
    await n.publish(mine, contactChanged(n, mine, { name: '吴芳', phone: '13200006666', email: null }, 'C-30001'));
    await n.publish(theirs, contactChanged(n, theirs, { name: '郑凯', phone: '13200007777', email: null }, 'C-30002'));
    const INBOX = `query($b: ID) { notificationInbox(borrowerId: $b, first: 10) { edges { node { id reference channel readAt } } } }`;
    const inbox = await n.waitFor('the inbox', async () => {
      const r = await n.graph<{ notificationInbox: { edges: { node: { id: string; reference: string; readAt: string | null } }[] } }>(tenantId, ['borrower'], INBOX, {}, 'C-30001');
      return r.data?.notificationInbox.edges.length ? r.data.notificationInbox.edges : null;
    });
    expect(inbox.map((e) => e.node.reference)).toEqual([mine.payload.reference]);
    const peek = await n.graph(tenantId, ['borrower'], INBOX, { b: 'C-30002' }, 'C-30001');
    expect(peek.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const staff = await n.graph<{ notificationInbox: { edges: unknown[] } }>(tenantId, ['handler'], INBOX, { b: 'C-30002' });
    expect(staff.data!.notificationInbox.edges).toHaveLength(1);

    const read = await n.graph<{ markNotificationsRead: { notifications: { readAt: string }[] } }>(
      tenantId,
      ['borrower'],
      `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { notifications { readAt } } }`,
      { ids: [inbox[0]!.node.id] },
      'C-30001',
    );
    expect(read.data!.markNotificationsRead.notifications[0]!.readAt).toBeTruthy();
  });
});
