import { randomUUID } from 'node:crypto';
import { ComplaintFiledV1 } from '../complaints/complaint-filed.event';
import { createEvent, EventContractError, parseEnvelope, parsePayload } from '../envelope';

const tenantId = randomUUID();
const payload = {
  complaintId: randomUUID(),
  reference: 'CP-20261125-000001',
  channel: 'APP' as const,
  productName: '你我贷·极速借',
  receivedAt: '2026-11-25T08:00:00.000Z',
  firstReplyDueAt: '2026-11-26T08:00:00.000Z',
  decisionDueAt: '2026-12-10T08:00:00.000Z',
  locale: 'zh-CN' as const,
};
const meta = { tenantId, aggregateId: payload.complaintId, correlationId: 'req-1' };

describe('event envelope', () => {
  it('creates an envelope that survives the wire', () => {
    const event = createEvent(ComplaintFiledV1, payload, meta);
    const received = parsePayload(ComplaintFiledV1, parseEnvelope(JSON.parse(JSON.stringify(event))));
    expect(received).toEqual(event);
    expect(received.causationId).toBeNull();
    expect(received.aggregateType).toBe('Complaint');
  });

  it.each([
    ['an unknown channel', { ...payload, channel: 'FAX' }, 'channel'],
    ['a missing reference', { ...payload, reference: undefined }, 'reference'],
    ['a non-uuid complaint id', { ...payload, complaintId: '42' }, 'complaintId'],
  ])('refuses to publish %s', (_case, bad, field) => {
    expect(() => createEvent(ComplaintFiledV1, bad as never, meta)).toThrow(field);
  });

  it.each([
    ['not an object', 'hello'],
    ['no tenant', { ...createEvent(ComplaintFiledV1, payload, meta), tenantId: undefined }],
    ['a bad type name', { ...createEvent(ComplaintFiledV1, payload, meta), type: 'ComplaintFiled' }],
  ])('rejects a received envelope with %s', (_case, value) => {
    expect(() => parseEnvelope(value)).toThrow(EventContractError);
  });

  it('rejects a payload that breaks the consumer contract', () => {
    const event = { ...createEvent(ComplaintFiledV1, payload, meta), payload: { ...payload, locale: 'fr' } };
    expect(() => parsePayload(ComplaintFiledV1, event)).toThrow('locale');
  });

  it('rejects another version of the event', () => {
    const event = { ...createEvent(ComplaintFiledV1, payload, meta), version: 2 };
    expect(() => parsePayload(ComplaintFiledV1, event)).toThrow('expected complaints.ComplaintFiled v1');
  });
});
