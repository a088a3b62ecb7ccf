import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** Every event on every topic travels in this envelope (STYLE.md habit 4). */
export const eventEnvelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.string().regex(/^[a-z]+\.[A-Z][A-Za-z]+$/, 'must look like "<service>.<EventName>"'),
  version: z.number().int().positive(),
  tenantId: z.string().uuid(),
  occurredAt: z.string().datetime({ offset: true }),
  correlationId: z.string().min(1).max(200),
  causationId: z.string().min(1).max(200).nullable(),
  aggregateType: z.string().min(1).max(100),
  aggregateId: z.string().min(1).max(200),
  payload: z.unknown(),
});

export type EventEnvelope<P = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'payload'> & { payload: P };

/** A typed event contract: its name, version, topic and the shape of its payload. */
export interface EventContract<P> {
  type: string;
  version: number;
  /** Logical topic; the platform prefixes it with its namespace (see `topicName`). */
  topic: string;
  aggregateType: string;
  payload: z.ZodType<P, z.ZodTypeDef, unknown>;
}

export function defineEventContract<P>(contract: EventContract<P>): EventContract<P> {
  return contract;
}

export interface EventMetadata {
  tenantId: string;
  aggregateId: string;
  correlationId: string;
  causationId?: string | null;
  occurredAt?: Date;
}

export class EventContractError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'EventContractError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Builds an envelope and validates it against its contract, so nothing malformed is ever published. */
export function createEvent<P>(contract: EventContract<P>, payload: P, meta: EventMetadata): EventEnvelope<P> {
  const parsed = contract.payload.safeParse(payload);
  if (!parsed.success) {
    throw new EventContractError(`Payload of ${contract.type} v${contract.version} is invalid`, describeIssues(parsed.error));
  }
  const envelope: EventEnvelope<P> = {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    tenantId: meta.tenantId,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? null,
    aggregateType: contract.aggregateType,
    aggregateId: meta.aggregateId,
    payload: parsed.data,
  };
  parseEnvelope(envelope);
  return envelope;
}

/** Validates an envelope read off the wire. */
export function parseEnvelope(value: unknown): EventEnvelope {
  const parsed = eventEnvelopeSchema.safeParse(value);
  if (!parsed.success) throw new EventContractError('Event envelope is invalid', describeIssues(parsed.error));
  return parsed.data as EventEnvelope;
}

/** Validates an envelope's payload against the contract a consumer expects. */
export function parsePayload<P>(contract: EventContract<P>, envelope: EventEnvelope): EventEnvelope<P> {
  if (envelope.type !== contract.type || envelope.version !== contract.version) {
    throw new EventContractError('Event does not match the contract', [
      `expected ${contract.type} v${contract.version}, got ${envelope.type} v${envelope.version}`,
    ]);
  }
  const parsed = contract.payload.safeParse(envelope.payload);
  if (!parsed.success) {
    throw new EventContractError(`Payload of ${contract.type} v${contract.version} is invalid`, describeIssues(parsed.error));
  }
  return { ...envelope, payload: parsed.data };
}
