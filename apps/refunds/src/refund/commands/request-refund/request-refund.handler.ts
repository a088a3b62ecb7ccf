import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import type { Refund } from '../../domain/refund';
import { validateRefundRequest, type RefundRequestInput } from '../../domain/refund-request';
import { createRefund, type RefundWriteDeps } from '../shared/create-refund';

/** A refund request from a borrower channel (partner app, hotline, email), for one tenant and caller. */
export interface RequestRefundCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  /** Set when the caller acts for one borrower only: the request is theirs, whatever the input says. */
  borrowerScope: string | null;
  input: RefundRequestInput;
}

/**
 * Checks the input before any transaction, then records the request under its idempotency key.
 * Anything refused inside the transaction (a charge that disagrees with the record, an amount over
 * it) rolls everything back: bad input stores nothing and publishes nothing.
 */
export class RequestRefundHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deps: RefundWriteDeps,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RequestRefundCommand): Promise<{ refund: Refund; created: boolean }> {
    const now = this.now();
    const request = validateRefundRequest(command.input, now);
    return withTenant(this.dataSource, command.tenantId, (manager) =>
      createRefund(
        manager,
        this.deps,
        {
          tenantId: command.tenantId,
          sourceKey: `request:${request.idempotencyKey}`,
          channel: request.channel,
          borrowerId: command.borrowerScope ?? request.borrowerId,
          complaintId: request.complaintId,
          charge: { kind: 'named', named: request.charge },
          amount: request.amount,
          reason: request.reason,
          documents: request.documents,
          circumstances: request.circumstances,
          payoutMethod: request.payoutMethod,
          payoutAccount: request.payoutAccount,
          locale: request.locale,
          requestedBy: command.actorId,
          // A request recorded by staff (hotline, email) is handled by whoever recorded it.
          handlerId: request.channel === 'PARTNER_APP' ? null : command.actorId,
          strict: true,
        },
        now,
        command.correlationId,
      ),
    );
  }
}
