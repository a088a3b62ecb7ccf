import { ESCALATION_STATUSES, EXTERNAL_ROUTE_CODES, type ExternalRouteCode } from '@redress/contracts';
import { DomainError, ValidationError, optionalText, requiredText } from '@redress/domain-kit';

export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export type EscalationDirection = 'INBOUND' | 'OUTBOUND';

/**
 * A matter taken outside the lender: to the regulator (12378 / NFRA), a consumer association,
 * arbitration or a court — who, when, their reference, where it stands and how it ended.
 */
export interface ExternalEscalation {
  tenantId: string;
  id: string;
  route: ExternalRouteCode;
  direction: EscalationDirection;
  institution: string;
  externalReference: string | null;
  complaintId: string | null;
  appealId: string | null;
  borrowerId: string | null;
  escalatedAt: Date;
  status: EscalationStatus;
  outcome: string | null;
  closedAt: Date | null;
  recordedBy: string;
  version: number;
}

export interface EscalationInput {
  route: string;
  direction?: string | null;
  institution: string;
  externalReference?: string | null;
  escalatedAt: Date;
  complaintId?: string | null;
  appealId?: string | null;
}

export function validateEscalation(input: EscalationInput, now: Date) {
  if (!(EXTERNAL_ROUTE_CODES as readonly string[]).includes(input.route)) throw new ValidationError('input.route', `"${input.route}" is not a route`);
  const direction = input.direction ?? 'OUTBOUND';
  if (direction !== 'INBOUND' && direction !== 'OUTBOUND') throw new ValidationError('input.direction', 'must be INBOUND or OUTBOUND');
  if (input.escalatedAt.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError('input.escalatedAt', 'is in the future');
  if (!input.complaintId && !input.appealId) throw new ValidationError('input.complaintId', 'or input.appealId is required: an escalation is about a case');
  return {
    route: input.route as ExternalRouteCode,
    direction: direction as EscalationDirection,
    institution: requiredText('input.institution', input.institution, 200),
    externalReference: optionalText('input.externalReference', input.externalReference, 100),
    escalatedAt: input.escalatedAt,
  };
}

const NEXT: Record<EscalationStatus, readonly EscalationStatus[]> = {
  OPEN: ['IN_PROGRESS', 'CLOSED'],
  IN_PROGRESS: ['CLOSED'],
  CLOSED: [],
};

/** Moves an escalation on; closing it needs its outcome. */
export function updateEscalation(current: ExternalEscalation, status: string, outcome: string | null | undefined, at: Date): ExternalEscalation {
  if (!(ESCALATION_STATUSES as readonly string[]).includes(status)) throw new ValidationError('input.status', `"${status}" is not a status`);
  const to = status as EscalationStatus;
  const text = optionalText('input.outcome', outcome, 4_000);
  if (to !== current.status && !NEXT[current.status].includes(to)) {
    throw new DomainError('CONFLICT', `An escalation that is ${current.status} cannot become ${to}.`, { field: 'input.status', currentStatus: current.status, targetStatus: to });
  }
  if (to === 'CLOSED' && !text && !current.outcome) throw new ValidationError('input.outcome', 'is required to close an escalation');
  return {
    ...current,
    status: to,
    outcome: text ?? current.outcome,
    closedAt: to === 'CLOSED' ? (current.closedAt ?? at) : null,
    version: current.version + 1,
  };
}
