import type { ComplaintIntakeInput } from '../../domain/complaint-intake';

/** File a complaint for one tenant, on behalf of one caller, as part of one request. */
export interface FileComplaintCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  input: ComplaintIntakeInput;
}
