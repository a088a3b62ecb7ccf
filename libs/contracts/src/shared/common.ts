import { z } from 'zod';

/** An amount of money as events carry it: integer minor units (分) and an ISO 4217 currency. */
export const moneySchema = z.object({
  amountMinor: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export const isoInstant = z.string().datetime({ offset: true });

/**
 * The lender's own identifier of a borrower (customer number), never a name or phone number.
 * Null when the complaint came from someone the lender cannot match to a customer yet.
 */
export const borrowerIdSchema = z.string().min(1).max(200).nullable();

/**
 * A decision a borrower may appeal (DOMAIN.md, Appeals): which service made it and about what.
 * The appeals service learns these from the events that carry them.
 */
export const APPEALABLE_KINDS = ['COMPLAINT_DECISION', 'REFUND_REJECTION', 'MEDIATION_RESULT'] as const;
export type AppealableKind = (typeof APPEALABLE_KINDS)[number];
