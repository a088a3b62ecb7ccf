import { randomUUID } from 'node:crypto';
import { LocalHttpEndpoint, LocalSmtpServer } from '@redress/devkit';
import { complaintFiled, CONFIGURE, contactChanged, fastDispatcher, startNotifications, type Notifications } from './support';

describe('a provider that is down', () => {
  let n: Notifications;
  const smtp = new LocalSmtpServer();
  const gateway = new LocalHttpEndpoint(() => ({ status: 503, body: { error: 'maintenance' } }));

  beforeAll(async () => {
    fastDispatcher({ NOTIFICATIONS_MAX_ATTEMPTS: '4' });
    await smtp.start();
    await smtp.stop(); // the port is known, nothing listens on it yet
    await gateway.start();
    n = await startNotifications();
  });

  afterAll(async () => {
    await n?.stop();
    await Promise.all([smtp.stop(), gateway.stop()]);
  });

  it('is retried with backoff while down, then delivered exactly once when it is up', async () => {
    const tenantId = randomUUID();
    const r = await n.graph(tenantId, ['tenant_admin'], CONFIGURE.email, {
      input: { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'notice@juduoduo.example' },
    });
    expect(r.errors).toBeUndefined();
    const filed = complaintFiled(tenantId);
    await n.publish(filed, contactChanged(n, filed, { name: '刘强', phone: '13500003333', email: 'liuqiang@example.cn' }));
    const failed = await n.waitFor('a failed attempt', async () => (await n.notices(tenantId)).find((x) => x.channel === 'EMAIL' && x.status === 'FAILED'));
    expect(failed.last_error).toMatch(/SMTP: .*ECONNREFUSED/);
    await smtp.start();
    await n.waitFor('the email sent', async () => (await n.notices(tenantId)).find((x) => x.channel === 'EMAIL' && x.status === 'SENT'), 30_000);
    await new Promise((res) => setTimeout(res, 1_500));
    expect(smtp.received.filter((m) => m.subject?.includes(filed.payload.reference))).toHaveLength(1);
    const attempts = await n.sql<{ outcome: string }>(`SELECT a.outcome FROM notifications.delivery_attempts a JOIN notifications.notices n ON n.tenant_id = a.tenant_id AND n.id = a.notice_id
        WHERE a.tenant_id = $1 AND n.channel = 'EMAIL' ORDER BY a.attempt`,
      [tenantId],);
    expect(attempts.at(-1)!.outcome).toBe('SENT');
    expect(attempts.slice(0, -1).every((a) => a.outcome === 'FAILED')).toBe(true);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps failing: dead-lettered with the reason, shown to the tenant administrator, and sent after a retry once the gateway is back', async () => {
    const tenantId = randomUUID();
    const r = await n.graph(tenantId, ['tenant_admin'], CONFIGURE.sms, { input: { gatewayUrl: gateway.url, senderId: '桔多多' } });
    expect(r.errors).toBeUndefined();
    const filed = complaintFiled(tenantId);
    await n.publish(filed, contactChanged(n, filed, { name: '孙悦', phone: '13400004444', email: null }));
    await n.waitFor('the dead letter', async () => (await n.notices(tenantId)).find((x) => x.channel === 'SMS' && x.status === 'DEAD_LETTERED'), 30_000);

    const report = await n.graph<{ notificationDeliveryReport: { counts: { status: string; count: number }[]; notices: { edges: { node: { id: string; channel: string; attempts: number; statusReason: string; deliveryAttempts: { outcome: string }[] } }[] } } }>(
      tenantId,
      ['tenant_admin'],
      `{ notificationDeliveryReport(status: DEAD_LETTERED) { counts { status count } notices { edges { node { id channel attempts statusReason deliveryAttempts { outcome } } } } } }`,
    );
    expect(report.errors).toBeUndefined();
    const dead = report.data!.notificationDeliveryReport.notices.edges.map((e) => e.node);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ channel: 'SMS', attempts: 4 });
    expect(dead[0]!.statusReason).toContain('SMS gateway answered 503');
    expect(dead[0]!.deliveryAttempts.map((a) => a.outcome)).toEqual(['FAILED', 'FAILED', 'FAILED', 'FAILED']);
    expect(report.data!.notificationDeliveryReport.counts).toEqual(
      expect.arrayContaining([{ status: 'DEAD_LETTERED', count: 1 }, { status: 'DELIVERED', count: 1 }]),
    );

    const handler = await n.graph(tenantId, ['handler'], `{ notificationDeliveryReport { counts { status } } }`);
    expect(handler.errors![0]!.extensions!['code']).toBe('FORBIDDEN');

    gateway.answerWith(() => ({ status: 200, body: { messageId: 'gw-1' } }));
    const retried = await n.graph<{ retryNotification: { notification: { status: string } } }>(
      tenantId,
      ['tenant_admin'],
      `mutation($id: ID!) { retryNotification(id: $id) { notification { status } } }`,
      { id: dead[0]!.id },
    );
    expect(retried.data!.retryNotification.notification.status).toBe('QUEUED');
    await n.waitFor('the SMS sent', async () => (await n.notices(tenantId)).find((x) => x.channel === 'SMS' && x.status === 'SENT'));
    expect(gateway.received.filter((x) => x.body.includes('13400004444'))).toHaveLength(1);

    const again = await n.graph(tenantId, ['tenant_admin'], `mutation($id: ID!) { retryNotification(id: $id) { notification { status } } }`, { id: dead[0]!.id });
    expect(again.errors![0]!.extensions!['code']).toBe('CONFLICT');
  });

  it('a message the gateway refuses outright (4xx) is dead-lettered at once, not retried', async () => {
    const tenantId = randomUUID();
    gateway.answerWith(() => ({ status: 400, body: { error: 'invalid number' } }));
    await n.graph(tenantId, ['tenant_admin'], CONFIGURE.sms, { input: { gatewayUrl: gateway.url, senderId: '桔多多' } });
    const filed = complaintFiled(tenantId);
    await n.publish(filed, contactChanged(n, filed, { name: '孙悦', phone: '0000', email: null }));
    const dead = await n.waitFor('the dead letter', async () => (await n.notices(tenantId)).find((x) => x.channel === 'SMS' && x.status === 'DEAD_LETTERED'));
    expect(dead.attempts).toBe(1);
    expect(dead.last_error).toContain('400');
  });
});
