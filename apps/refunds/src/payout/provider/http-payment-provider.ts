import { z } from 'zod';
import type { ProviderOutcome } from '../../refund/domain/payout-attempt';
import type { PaymentProvider, PayoutInstruction } from './payment-provider.port';

export interface HttpPaymentProviderOptions {
  /** Base URL; payouts are POSTed to `<baseUrl>/payouts`. */
  baseUrl: string;
  apiKey: string | null;
  timeoutMs: number;
}

const responseSchema = z.object({
  status: z.enum(['PAID', 'PENDING', 'FAILED', 'REVERSED']),
  providerReference: z.string().max(200).nullable().optional(),
  reason: z.string().max(2_000).nullable().optional(),
});

/**
 * The payment provider over HTTP. Every attempt of one payout carries the payout id as
 * `Idempotency-Key` (and in the body), so a provider that already paid answers with that payment
 * instead of paying again. A timeout, a lost connection, 408/409/425/429 or a 5xx leaves the
 * outcome unknown: the payout is tried again later with the same id. Any other 4xx is a refusal.
 */
export class HttpPaymentProvider implements PaymentProvider {
  constructor(private readonly options: HttpPaymentProviderOptions) {}

  async pay(instruction: PayoutInstruction): Promise<ProviderOutcome> {
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}/payouts`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': instruction.payoutId,
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          payoutId: instruction.payoutId,
          tenantId: instruction.tenantId,
          reference: instruction.refundReference,
          amountMinor: instruction.amount.amountMinor,
          currency: instruction.amount.currency,
          method: instruction.method,
          account: instruction.account,
          borrowerId: instruction.borrowerId,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      return { kind: 'unknown', reason: name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : `request failed (${name})` };
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500 || [408, 409, 425, 429].includes(response.status)) {
      return { kind: 'unknown', reason: `provider answered HTTP ${response.status}` };
    }
    if (response.status >= 400) return { kind: 'declined', reason: `provider refused the payout (HTTP ${response.status})${shortReason(text)}` };
    const parsed = responseSchema.safeParse(safeJson(text));
    if (!parsed.success) return { kind: 'unknown', reason: `provider answered HTTP ${response.status} with an unreadable body` };
    const body = parsed.data;
    const providerReference = body.providerReference ?? null;
    if (body.status === 'PENDING') return { kind: 'processing', providerReference };
    return { kind: 'settled', state: body.status, providerReference, reason: body.reason ?? null };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function shortReason(text: string): string {
  const parsed = safeJson(text) as { reason?: unknown } | undefined;
  return typeof parsed?.reason === 'string' ? `: ${parsed.reason.slice(0, 200)}` : '';
}
