import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { PaymentProviderDouble } from '@redress/devkit';
import { HttpPaymentProvider } from '../../src/payout/provider/http-payment-provider';
import type { PayoutInstruction } from '../../src/payout/provider/payment-provider.port';

const instruction = (): PayoutInstruction => ({
  payoutId: randomUUID(),
  tenantId: randomUUID(),
  refundReference: 'TF20261125-000042',
  amount: { amountMinor: 38_000, currency: 'CNY' },
  method: 'BANK_TRANSFER',
  account: '6222020200112233445',
  borrowerId: 'NWD-C-000321',
});

describe('the HTTP payment provider adapter', () => {
  const double = new PaymentProviderDouble();
  let adapter: HttpPaymentProvider;

  beforeAll(async () => {
    adapter = new HttpPaymentProvider({ baseUrl: `${await double.start()}/`, apiKey: null, timeoutMs: 1_000 });
  });

  afterAll(async () => {
    await double.stop();
  });

  it.each<[string, ReturnType<PaymentProviderDouble['script']>, string, string | null]>([
    ['a payment', 'pay', 'settled', 'PAID'],
    ['a payout still processing', 'pending', 'processing', null],
    ['a 503', 'fail-500', 'unknown', null],
    ['a refusal (422)', 'decline', 'declined', null],
    ['no answer in time', 'pay-then-stall', 'unknown', null],
  ])('reads %s', async (_name, step, kind, state) => {
    double.script = () => step;
    double.stallMs = 2_500;
    const outcome = await adapter.pay(instruction());
    expect(outcome.kind).toBe(kind);
    if (state) expect(outcome).toMatchObject({ state });
  });

  it('sends the payout id as the idempotency key, so a repeated payout is paid once', async () => {
    double.script = () => 'pay';
    const payout = instruction();
    const before = double.paymentCount;
    const outcomes = await Promise.all([adapter.pay(payout), adapter.pay(payout)]);
    await adapter.pay(payout);
    expect(outcomes.every((o) => o.kind === 'settled')).toBe(true);
    expect(double.paymentCount - before).toBe(1);
    expect(double.calls.get(payout.payoutId)).toBe(3);
  });

  it('sends the API key and the account only to the provider', async () => {
    let seen: { authorization?: string; body?: Record<string, unknown> } = {};
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c as Buffer));
      req.on('end', () => {
        seen = { authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'PAID', providerReference: 'UP-1' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const keyed = new HttpPaymentProvider({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'test-key', timeoutMs: 1_000 });
      const payout = instruction();
      expect(await keyed.pay(payout)).toEqual({ kind: 'settled', state: 'PAID', providerReference: 'UP-1', reason: null });
      expect(seen.authorization).toBe('Bearer test-key');
      expect(seen.body).toMatchObject({ payoutId: payout.payoutId, amountMinor: 38_000, currency: 'CNY', account: '6222020200112233445' });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('counts an unreachable provider as an unknown outcome', async () => {
    const nowhere = new HttpPaymentProvider({ baseUrl: 'http://127.0.0.1:1', apiKey: null, timeoutMs: 500 });
    expect((await nowhere.pay(instruction())).kind).toBe('unknown');
  });
});
