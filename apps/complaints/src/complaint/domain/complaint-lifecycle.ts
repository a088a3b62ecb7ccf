import { DomainError } from '@redress/domain-kit';

/**
 * Where a complaint stands (DOMAIN.md, Complaints → Lifecycle). Terminal states end the case;
 * ARCHIVED is reached from any of them once the case is put away for the retention period.
 */
export const COMPLAINT_STATUSES = [
  'RECEIVED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'ASSIGNED',
  'INVESTIGATING',
  'UNDER_REVIEW',
  'RESOLUTION_PROPOSED',
  'RESOLUTION_ACCEPTED',
  'RESOLVED',
  'FOLLOWED_UP',
  'CLOSED',
  'WITHDRAWN',
  'MERGED',
  'ARCHIVED',
] as const;

export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** What can be done to a complaint. */
export type ComplaintAction =
  | 'accept'
  | 'decline'
  | 'assign'
  | 'startInvestigation'
  | 'requestReview'
  | 'completeReview'
  | 'proposeResolution'
  | 'acceptResolution'
  | 'rejectResolution'
  | 'carryOut'
  | 'recordFollowUp'
  | 'close'
  | 'withdraw'
  | 'merge'
  | 'archive'
  /** Steps on the decision clock; the status stays where it is. */
  | 'extendDecision'
  | 'pauseClock'
  | 'resumeClock'
  | 'restartClock'
  /** A repeat complaint on the same matter was merged into this one. */
  | 'mergeRepeat'
  /** An upheld appeal sends the decided case back to investigation. */
  | 'reopen';

/** States in which the case is still open: withdrawal and merging are possible from each of them. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'RECEIVED',
  'ACCEPTED',
  'ASSIGNED',
  'INVESTIGATING',
  'UNDER_REVIEW',
  'RESOLUTION_PROPOSED',
  'RESOLUTION_ACCEPTED',
];

/** States in which the decision clock runs: until a resolution is proposed or the case ends. */
export const DECISION_PENDING_STATUSES: readonly ComplaintStatus[] = ['RECEIVED', 'ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'UNDER_REVIEW'];

/** States of a decided case that an upheld appeal can reopen. */
const DECIDED_STATUSES: readonly ComplaintStatus[] = ['RESOLUTION_PROPOSED', 'RESOLUTION_ACCEPTED', 'RESOLVED', 'FOLLOWED_UP', 'CLOSED'];

const staying = (statuses: readonly ComplaintStatus[]) => Object.fromEntries(statuses.map((s) => [s, s]));

/** Every allowed move: action → (from → to). Anything not listed is refused. */
const TRANSITIONS: Record<ComplaintAction, Partial<Record<ComplaintStatus, ComplaintStatus>>> = {
  accept: { RECEIVED: 'ACCEPTED' },
  decline: { RECEIVED: 'NOT_ACCEPTED' },
  // Reassignment keeps the case where it is; a first assignment moves it on.
  assign: { ACCEPTED: 'ASSIGNED', ASSIGNED: 'ASSIGNED', INVESTIGATING: 'INVESTIGATING', UNDER_REVIEW: 'UNDER_REVIEW' },
  startInvestigation: { ASSIGNED: 'INVESTIGATING' },
  requestReview: { INVESTIGATING: 'UNDER_REVIEW' },
  completeReview: { UNDER_REVIEW: 'INVESTIGATING' },
  proposeResolution: { INVESTIGATING: 'RESOLUTION_PROPOSED' },
  acceptResolution: { RESOLUTION_PROPOSED: 'RESOLUTION_ACCEPTED' },
  // The complainant's rejection continues the case rather than ending it.
  rejectResolution: { RESOLUTION_PROPOSED: 'INVESTIGATING' },
  carryOut: { RESOLUTION_ACCEPTED: 'RESOLVED' },
  recordFollowUp: { RESOLVED: 'FOLLOWED_UP' },
  close: { FOLLOWED_UP: 'CLOSED', NOT_ACCEPTED: 'CLOSED' },
  withdraw: Object.fromEntries(OPEN_STATUSES.map((s) => [s, 'WITHDRAWN'])),
  merge: Object.fromEntries(OPEN_STATUSES.map((s) => [s, 'MERGED'])),
  archive: { CLOSED: 'ARCHIVED', WITHDRAWN: 'ARCHIVED', MERGED: 'ARCHIVED' },
  extendDecision: staying(DECISION_PENDING_STATUSES),
  pauseClock: staying(DECISION_PENDING_STATUSES),
  resumeClock: staying(DECISION_PENDING_STATUSES),
  restartClock: staying(DECISION_PENDING_STATUSES),
  mergeRepeat: staying(OPEN_STATUSES),
  reopen: Object.fromEntries(DECIDED_STATUSES.map((s) => [s, 'INVESTIGATING'])),
};

export class TransitionNotAllowedError extends DomainError {
  constructor(
    readonly action: ComplaintAction,
    readonly from: ComplaintStatus,
  ) {
    const allowedFrom = Object.keys(TRANSITIONS[action]).join(', ');
    super('CONFLICT', `Cannot ${action} a complaint that is ${from}; allowed only when it is ${allowedFrom}.`, {
      action,
      currentStatus: from,
      allowedFrom: Object.keys(TRANSITIONS[action]),
    });
    this.name = 'TransitionNotAllowedError';
  }
}

/** The state after `action`, or a CONFLICT error naming both the action and the current state. */
export function nextStatus(from: ComplaintStatus, action: ComplaintAction): ComplaintStatus {
  const to = TRANSITIONS[action][from];
  if (!to) throw new TransitionNotAllowedError(action, from);
  return to;
}

export function isOpen(status: ComplaintStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Every allowed (from, action, to), for tests and for the graph's "what can be done next". */
export function allowedTransitions(): { from: ComplaintStatus; action: ComplaintAction; to: ComplaintStatus }[] {
  return Object.entries(TRANSITIONS).flatMap(([action, moves]) =>
    Object.entries(moves).map(([from, to]) => ({ from: from as ComplaintStatus, action: action as ComplaintAction, to: to! })),
  );
}

/** Actions the platform takes itself (on an intake or an appeal event), never offered to staff. */
const SYSTEM_ACTIONS: readonly ComplaintAction[] = ['mergeRepeat', 'reopen'];

export function actionsAvailable(from: ComplaintStatus): ComplaintAction[] {
  return allowedTransitions()
    .filter((t) => t.from === from && !SYSTEM_ACTIONS.includes(t.action))
    .map((t) => t.action);
}
