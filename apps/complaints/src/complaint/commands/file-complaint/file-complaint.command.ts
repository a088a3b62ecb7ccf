import type { Complaint } from '../../domain/complaint';
import type { ComplaintIntakeInput } from '../../domain/complaint-intake';

/** File a complaint for one tenant, on behalf of one caller, as part of one request. */
export interface FileComplaintCommand {
  tenantId: string;
  actorId: string;
  roles: readonly string[];
  /** A borrower-scoped caller files for that borrower only, whatever the input says. */
  callerBorrowerId: string | null;
  correlationId: string;
  input: ComplaintIntakeInput;
}

export interface FileComplaintResult {
  /** The complaint as recorded: MERGED when it repeats an open one. */
  complaint: Complaint;
  /** The open complaint on the same matter this one was merged into, if any. */
  mergedInto: Complaint | null;
}
