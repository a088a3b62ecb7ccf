import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the double behaves on the n-th call (1-based) for one payout id. */
export type ProviderScript = (call: number, payoutId: string) => 'pay' | 'fail-500' | 'pay-then-stall' | 'decline' | 'pending';

export interface ProviderPayment {
  payoutId: string;
  amountMinor: number;
  currency: string;
  method: string;
  providerReference: string;
  paidAt: Date;
}

/**
 * A local HTTP server playing a payment provider (refunds' payout adapter talks to it): idempotent
 * on the `Idempotency-Key` header as a real one is, and scriptable to fail, stall after paying,
 * decline or keep a payout pending. It counts calls and payments so a test can prove "paid once".
 */
export class PaymentProviderDouble {
  private server: Server | null = null;
  readonly calls = new Map<string, number>();
  readonly payments = new Map<string, ProviderPayment>();
  /** Every payment made, including any second payment of one id (which would be a bug in the double). */
  paymentCount = 0;
  script: ProviderScript = () => 'pay';
  stallMs = 2_000;

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  totalCalls(): number {
    return [...this.calls.values()].reduce((a, b) => a + b, 0);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/payouts') return this.reply(res, 404, { reason: 'not found' });
    const key = req.headers['idempotency-key'];
    let body: { payoutId?: string; amountMinor?: number; currency?: string; method?: string };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return this.reply(res, 400, { reason: 'malformed body' });
    }
    if (typeof key !== 'string' || key !== body.payoutId) return this.reply(res, 400, { reason: 'Idempotency-Key must be the payout id' });
    const call = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, call);
    const already = this.payments.get(key);
    if (already) return this.reply(res, 200, { status: 'PAID', providerReference: already.providerReference });
    const step = this.script(call, key);
    if (step === 'fail-500') return this.reply(res, 503, { reason: 'temporarily unavailable' });
    if (step === 'decline') return this.reply(res, 422, { reason: 'account closed' });
    if (step === 'pending') return this.reply(res, 202, { status: 'PENDING', providerReference: `PP-${key.slice(0, 8)}` });
    const payment: ProviderPayment = {
      payoutId: key,
      amountMinor: Number(body.amountMinor),
      currency: String(body.currency),
      method: String(body.method),
      providerReference: `PP-${key.slice(0, 8)}`,
      paidAt: new Date(),
    };
    this.payments.set(key, payment);
    this.paymentCount += 1;
    if (step === 'pay-then-stall') await new Promise((r) => setTimeout(r, this.stallMs));
    return this.reply(res, 200, { status: 'PAID', providerReference: payment.providerReference });
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
