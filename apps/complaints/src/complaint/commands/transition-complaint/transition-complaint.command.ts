import type { TransitionRequest } from '../../domain/complaint-transition';

/** Move one complaint one step in its lifecycle, for one tenant, as one caller. */
export interface TransitionComplaintCommand {
  tenantId: string;
  actorId: string;
  correlationId: string;
  complaintId: string;
  /** The version the caller last saw; a step on a complaint that has moved on since is refused. */
  expectedVersion: number | null;
  request: TransitionRequest;
}
