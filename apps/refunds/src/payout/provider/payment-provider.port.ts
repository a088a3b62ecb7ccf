import type { Money } from '@redress/domain-kit';
import type { ProviderOutcome } from '../../refund/domain/payout-attempt';

/** What is sent to the payment provider for one payout. */
export interface PayoutInstruction {
  /** The payout's id: the provider's idempotency key, the same on every attempt. */
  payoutId: string;
  tenantId: string;
  refundReference: string;
  amount: Money;
  method: string;
  /** The borrower's account for a bank transfer or wallet, opened just for this call; never logged. */
  account: string | null;
  borrowerId: string | null;
}

/** The port payouts go through; the adapter decides how to reach the provider. */
export interface PaymentProvider {
  /** Asks the provider to pay (or says what happened to an earlier identical ask). Never throws. */
  pay(instruction: PayoutInstruction): Promise<ProviderOutcome>;
}
