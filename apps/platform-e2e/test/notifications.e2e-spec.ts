import { randomUUID } from 'node:crypto';
import { bearer, devToken, graphqlRequest, LocalSmtpServer, startPlatformUnderTest, waitFor } from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;

/**
 * Through the gateway: a lender's administrator sets its SMTP server, a complaint is filed, and the
 * borrower's acknowledgement arrives by email (and in the app), once.
 */
describe('notifications, end to end through the gateway', () => {
  let platform: Platform;
  const smtp = new LocalSmtpServer();
  const tenantId = randomUUID();
  const admin = bearer(devToken(tenantId, 'tenant-admin:chen', ['tenant_admin']));
  const app = bearer(devToken(tenantId));
  const gateway = () => platform.processes.gatewayUrl;

  beforeAll(async () => {
    await smtp.start();
    platform = await startPlatformUnderTest('notify');
  });

  afterAll(async () => {
    await platform?.stop();
    await smtp.stop();
  });

  it('files a complaint with email configured: the local SMTP server receives the acknowledgement in the borrower language', async () => {
    const configured = await graphqlRequest<{ configureEmailChannel: { channel: { channel: string; enabled: boolean; target: string } } }>(
      gateway(),
      `mutation($input: ConfigureEmailChannelInput!) { configureEmailChannel(input: $input) { channel { channel enabled target hasSecret } } }`,
      { input: { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: '你我贷客服 <notice@niwodai.example>' } },
      admin,
    );
    expect(configured.errors).toBeUndefined();
    expect(configured.data!.configureEmailChannel.channel).toMatchObject({ channel: 'EMAIL', enabled: true, target: `127.0.0.1:${smtp.port}` });

    const filed = await graphqlRequest<{ fileComplaint: { complaint: { id: string; reference: string } } }>(
      gateway(),
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id reference } } }`,
      {
        input: {
          channel: 'APP',
          complainant: { name: '王秀英', phone: '13812341234', email: 'wangxy@example.cn', locale: 'zh_CN' },
          productName: '你我贷·极速借',
          description: '提前还清借款后，平台仍按原期限收取了 380 元服务费。',
          disputedAmount: { amountMinor: 38000, currency: 'CNY' },
        },
      },
      app,
    );
    expect(filed.errors).toBeUndefined();
    const complaint = filed.data!.fileComplaint.complaint;

    // The complaints service publishes the complainant's contact, sealed, beside ComplaintFiled.
    const mail = await waitFor('the acknowledgement email', async () => smtp.received.find((m) => m.subject?.includes(complaint.reference)), 60_000, 200);
    expect(mail.subject).toBe(`我们已收到您的投诉（编号 ${complaint.reference}）`);
    expect(mail.text).toContain('你我贷·极速借');
    expect((mail.to as { text: string }).text).toBe('wangxy@example.cn');

    const notices = await waitFor(
      'both notices settled',
      async () => {
        const r = await graphqlRequest<{ complaint: { notifications: { edges: { node: { channel: string; status: string; kind: string } }[] } } }>(
          gateway(),
          `query($id: ID!) { complaint(id: $id) { notifications { edges { node { channel status kind } } } } }`,
          { id: complaint.id },
          app,
        );
        const edges = r.data?.complaint.notifications.edges ?? [];
        return edges.length === 2 && edges.every((e) => e.node.status === 'SENT' || e.node.status === 'DELIVERED') ? edges : null;
      },
      30_000,
      200,
    );
    expect(notices.map((e) => `${e.node.kind}:${e.node.channel}:${e.node.status}`).sort()).toEqual([
      'COMPLAINT_RECEIVED:EMAIL:SENT',
      'COMPLAINT_RECEIVED:IN_APP:DELIVERED',
    ]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.received.filter((m) => m.subject?.includes(complaint.reference))).toHaveLength(1);

    const report = await graphqlRequest<{ notificationDeliveryReport: { counts: { status: string; count: number }[] } }>(
      gateway(),
      '{ notificationDeliveryReport { counts { status count } } }',
      {},
      admin,
    );
    expect(report.errors).toBeUndefined();
    expect(report.data!.notificationDeliveryReport.counts).toEqual(
      expect.arrayContaining([{ status: 'SENT', count: 1 }, { status: 'DELIVERED', count: 1 }]),
    );
  });
});
