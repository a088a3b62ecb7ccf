import { randomUUID } from 'node:crypto';
import { LocalHttpEndpoint, LocalSmtpServer } from '@redress/devkit';
import { verifyWebhook } from '../../src/delivery/domain/webhook-signature';
import { complaintFiled, CONFIGURE, contactChanged, fastDispatcher, startNotifications, type Notifications } from './support';

const WEBHOOK_SECRET = 'whsec_niwodai_integration_0001';

describe('notices through every channel, exactly once', () => {
  let n: Notifications;
  const smtp = new LocalSmtpServer();
  const seen = new Set<string>();
  const sms = new LocalHttpEndpoint((r) => ({ status: 200, body: { messageId: `sms-${JSON.parse(r.body).reference}`, status: 'DELIVERED' } }));
  const webhook = new LocalHttpEndpoint((r) => {
    const verdict = verifyWebhook({
      secret: WEBHOOK_SECRET,
      signatureHeader: r.headers['redress-signature'] as string | undefined,
      deliveryHeader: r.headers['redress-delivery'] as string | undefined,
      body: r.body,
      nowSeconds: Math.floor(Date.now() / 1000),
      seen,
    });
    if (verdict.ok) return { status: 204 };
    return { status: verdict.reason === 'replayed' ? 409 : 401, body: { error: verdict.reason } };
  });
  const tenantId = randomUUID();

  const configure = async (tenant: string) => {
    const admin = (q: string, input: Record<string, unknown>) => n.graph(tenant, ['tenant_admin'], q, { input });
    for (const r of [
      await admin(CONFIGURE.email, { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: '你我贷客服 <notice@niwodai.example>' }),
      await admin(CONFIGURE.sms, { gatewayUrl: sms.url, senderId: '你我贷', apiKey: 'sms-key-0001' }),
      await admin(CONFIGURE.webhook, { url: webhook.url, secret: WEBHOOK_SECRET }),
    ]) {
      expect(r.errors).toBeUndefined();
    }
  };

  beforeAll(async () => {
    fastDispatcher();
    await Promise.all([smtp.start(), sms.start(), webhook.start()]);
    n = await startNotifications();
    await configure(tenantId);
  });

  afterAll(async () => {
    await n?.stop();
    await Promise.all([smtp.stop(), sms.stop(), webhook.stop()]);
  });

  const mailsTo = (reference: string) => smtp.received.filter((m) => m.subject?.includes(reference));
  const smsFor = (reference: string) => sms.received.filter((r) => r.body.includes(reference));
  const hooksFor = (reference: string) => webhook.received.filter((r) => r.body.includes(reference));

  it('one event gives one notice per recipient and channel; SMTP, SMS gateway and webhook get exactly what was sent, in zh-CN', async () => {
    const filed = complaintFiled(tenantId, 'zh-CN');
    const ref = filed.payload.reference;
    await n.publish(filed, contactChanged(n, filed, { name: '王秀英', phone: '13812341234', email: 'wangxy@example.cn' }));
    await n.waitFor('every channel delivered', async () => {
      const rows = (await n.notices(tenantId)).filter((r) => r.complaint_id === filed.payload.complaintId);
      return rows.length === 4 && rows.every((r) => r.status === 'SENT' || r.status === 'DELIVERED') ? rows : null;
    });
    const rows = (await n.notices(tenantId)).filter((r) => r.complaint_id === filed.payload.complaintId);
    expect(rows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['EMAIL:SENT', 'IN_APP:DELIVERED', 'SMS:DELIVERED', 'WEBHOOK:DELIVERED']);

    const email = rows.find((r) => r.channel === 'EMAIL')!;
    const [mail, ...moreMail] = mailsTo(ref);
    expect(moreMail).toHaveLength(0);
    expect(mail!.subject).toBe(email.subject);
    expect(mail!.subject).toBe(`我们已收到您的投诉（编号 ${ref}）`);
    expect(mail!.text?.trim()).toBe(email.body);
    expect(mail!.text).toContain('专人将在');
    expect(mail!.messageId).toBe(`<${email.id}@notifications.redress>`);
    expect((mail!.to as { text: string }).text).toBe('wangxy@example.cn');
    expect(mail!.from?.text).toContain('notice@niwodai.example');

    const [text, ...moreSms] = smsFor(ref);
    expect(moreSms).toHaveLength(0);
    expect(JSON.parse(text!.body)).toEqual({ to: '13812341234', text: rows.find((r) => r.channel === 'SMS')!.body, sender: '你我贷', reference: rows.find((r) => r.channel === 'SMS')!.id });
    expect(text!.headers.authorization).toBe('Bearer sms-key-0001');

    const [hook, ...moreHooks] = hooksFor(ref);
    expect(moreHooks).toHaveLength(0);
    expect(JSON.parse(hook!.body)).toMatchObject({ kind: 'COMPLAINT_RECEIVED', case: { type: 'COMPLAINT', reference: ref }, locale: 'zh-CN' });
    // The personal channels carry no contact in the tenant webhook; the borrower id only.
    expect(hook!.body).not.toContain('13812341234');
  });

  it('the webhook receiver verifies the signature and rejects the same delivery replayed', async () => {
    const [hook] = webhook.received;
    const replay = await fetch(webhook.url, { method: 'POST', headers: hook!.headers as Record<string, string>, body: hook!.body });
    expect(replay.status).toBe(409);
    const forged = await fetch(webhook.url, {
      method: 'POST',
      headers: { ...(hook!.headers as Record<string, string>), 'redress-delivery': randomUUID() },
      body: hook!.body.replace('COMPLAINT_RECEIVED', 'COMPLAINT_DECISION'),
    });
    expect(forged.status).toBe(401);
  });

  it('writes in the borrower language: an English complaint gets an English email and SMS', async () => {
    const filed = complaintFiled(tenantId, 'en');
    const ref = filed.payload.reference;
    await n.publish(filed, contactChanged(n, filed, { name: 'Li Wei', phone: '13900001111', email: 'liwei@example.com' }));
    await n.waitFor('the English email and SMS', async () => mailsTo(ref).length === 1 && smsFor(ref).length === 1);
    expect(mailsTo(ref)[0]!.subject).toBe(`We have received your complaint (reference ${ref})`);
    expect(JSON.parse(smsFor(ref)[0]!.body).text).toContain('A member of our team will contact you by');
  });

  it('the same event delivered twice gives no second notice and no second message', async () => {
    const filed = complaintFiled(tenantId, 'zh-TW');
    const ref = filed.payload.reference;
    const contact = contactChanged(n, filed, { name: '陳美玲', phone: '13700002222', email: 'chenml@example.tw' });
    await n.publish(filed, contact, filed, contact);
    await n.waitFor('the email', async () => mailsTo(ref).length >= 1);
    await n.publish(filed);
    await new Promise((r) => setTimeout(r, 2_000));
    const rows = (await n.notices(tenantId)).filter((r) => r.complaint_id === filed.payload.complaintId);
    expect(rows.map((r) => r.channel).sort()).toEqual(['EMAIL', 'IN_APP', 'SMS', 'WEBHOOK']);
    expect(mailsTo(ref)).toHaveLength(1);
    expect(mailsTo(ref)[0]!.subject).toContain('我們已收到您的投訴');
    expect(smsFor(ref)).toHaveLength(1);
    expect(hooksFor(ref)).toHaveLength(1);
  });

  it('a restart mid-batch loses nothing and sends nothing twice', async () => {
    const tenant = randomUUID();
    await configure(tenant);
    const events = Array.from({ length: 30 }, () => complaintFiled(tenant, 'zh-CN'));
    await n.publish(...events.flatMap((e, i) => [e, contactChanged(n, e, { name: '赵丽', phone: `1360000${String(i).padStart(4, '0')}`, email: `zhaoli${i}@example.cn` })]));
    const refs = new Set(events.map((e) => e.payload.reference));
    const mails = () => smtp.received.filter((m) => [...refs].some((r) => m.subject?.includes(r)));
    await n.waitFor('the first emails of the batch', async () => mails().length >= 3, 60_000, 20);
    await n.restart();
    await n.waitFor('all 30 emails', async () => mails().length >= 30, 90_000, 200);
    await n.waitFor('every notice settled', async () => (await n.notices(tenant)).every((r) => r.status === 'SENT' || r.status === 'DELIVERED'), 30_000);
    const rows = await n.notices(tenant);
    expect(rows).toHaveLength(120);
    expect(new Set(rows.map((r) => `${r.source_event_id}:${r.channel}`)).size).toBe(120);
    expect(mails()).toHaveLength(30);
    expect(new Set(mails().map((m) => m.messageId)).size).toBe(30);
    expect(sms.received.filter((r) => [...refs].some((ref) => r.body.includes(ref)))).toHaveLength(30);
  });
});
