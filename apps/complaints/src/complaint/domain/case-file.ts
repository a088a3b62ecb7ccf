import { randomUUID } from 'node:crypto';
import { oneOf, requiredText, ValidationError } from '@redress/domain-kit';

/** How staff were in contact with a complainant (DOMAIN.md, Communication log; seed 004). */
export const CONTACT_CHANNELS = ['PHONE', 'SMS', 'EMAIL', 'LETTER', 'IN_PERSON', 'VIDEO', 'APP_MESSAGE', 'ONLINE_CHAT'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;

/** One contact with the complainant, kept on the case: time, channel, the staff member, what was said. */
export interface Communication {
  id: string;
  tenantId: string;
  complaintId: string;
  at: Date;
  channel: ContactChannel;
  direction: (typeof CONTACT_DIRECTIONS)[number];
  staffId: string;
  staffName: string;
  content: string;
  recordedAt: Date;
}

export interface CommunicationInput {
  at: Date;
  channel: string;
  direction: string;
  staffName: string;
  content: string;
}

/** A contact may be logged after the fact (a call written up later), never in the future. */
export function newCommunication(tenantId: string, complaintId: string, staffId: string, input: CommunicationInput, now: Date): Communication {
  if (input.at.getTime() > now.getTime()) throw new ValidationError('input.at', 'is in the future');
  return {
    id: randomUUID(),
    tenantId,
    complaintId,
    at: input.at,
    channel: oneOf('input.channel', input.channel, CONTACT_CHANNELS),
    direction: oneOf('input.direction', input.direction, CONTACT_DIRECTIONS),
    staffId,
    staffName: requiredText('input.staffName', input.staffName, 100),
    content: requiredText('input.content', input.content, 5_000),
    recordedAt: now,
  };
}

export const NOTE_KINDS = ['NOTE', 'FINDING'] as const;

/** An investigation note or finding: internal, never shown to the borrower. */
export interface CaseNote {
  id: string;
  tenantId: string;
  complaintId: string;
  kind: (typeof NOTE_KINDS)[number];
  body: string;
  authorId: string;
  at: Date;
}

export function newCaseNote(tenantId: string, complaintId: string, authorId: string, input: { kind: string; body: string }, now: Date): CaseNote {
  return {
    id: randomUUID(),
    tenantId,
    complaintId,
    kind: oneOf('input.kind', input.kind, NOTE_KINDS),
    body: requiredText('input.body', input.body, 10_000),
    authorId,
    at: now,
  };
}
