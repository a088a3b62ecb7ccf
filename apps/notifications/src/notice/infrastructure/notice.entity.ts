import { EntitySchema } from 'typeorm';
import type { Notice } from '../domain/notice';

/** A row of `notifications.notices`; the tenant leads the key, as on every tenant-owned table. */
export const NoticeEntity = new EntitySchema<Notice>({
  name: 'Notice',
  tableName: 'notices',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    complaintId: { type: 'uuid', name: 'complaint_id' },
    sourceEventId: { type: 'uuid', name: 'source_event_id' },
    kind: { type: 'text' },
    recipient: { type: 'text' },
    channel: { type: 'text' },
    locale: { type: 'text' },
    subject: { type: 'text' },
    body: { type: 'text' },
    status: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
