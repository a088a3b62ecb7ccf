import type { TransitionRequest } from '../../domain/complaint-transition';

/** A merge names the open complaint to merge into; the handler finds it under the same tenant. */
export type TransitionCommandRequest = Exclude<TransitionRequest, { action: 'merge' }> | { action: 'merge'; intoComplaintId: string };

/** Move one complaint one step in its lifecycle, for one tenant, as one caller. */
export interface TransitionComplaintCommand {
  tenantId: string;
  actorId: string;
  roles: readonly string[];
  correlationId: string;
  complaintId: string;
  /** The version the caller last saw; a step on a complaint that has moved on since is refused. */
  expectedVersion: number | null;
  request: TransitionCommandRequest;
}
