import type { EntityManager } from 'typeorm';
import type { Locale } from '@redress/contracts';

/** A complainant's contact as kept here: sealed at rest, opened only to deliver a notice. */
export interface StoredContact {
  tenantId: string;
  complaintId: string;
  reference: string;
  borrowerId: string | null;
  locale: Locale;
  sealedContact: string;
  changedAt: Date;
}

const fromRow = (r: Record<string, unknown>): StoredContact => ({
  tenantId: r['tenant_id'] as string,
  complaintId: r['complaint_id'] as string,
  reference: r['reference'] as string,
  borrowerId: (r['borrower_id'] as string | null) ?? null,
  locale: r['locale'] as Locale,
  sealedContact: r['sealed_contact'] as string,
  changedAt: r['changed_at'] as Date,
});

export const contactRepository = {
  /** Keeps the newest contact of a complaint: an older change arriving late does not overwrite it. */
  async saveIfNewer(manager: EntityManager, c: StoredContact): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO notifications.complainant_contacts (tenant_id, complaint_id, reference, borrower_id, locale, sealed_contact, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, complaint_id) DO UPDATE SET reference = EXCLUDED.reference, borrower_id = EXCLUDED.borrower_id,
         locale = EXCLUDED.locale, sealed_contact = EXCLUDED.sealed_contact, changed_at = EXCLUDED.changed_at
       WHERE complainant_contacts.changed_at <= EXCLUDED.changed_at
       RETURNING complaint_id`,
      [c.tenantId, c.complaintId, c.reference, c.borrowerId, c.locale, c.sealedContact, c.changedAt],
    );
    return rows.length > 0;
  },

  async forComplaint(manager: EntityManager, tenantId: string, complaintId: string): Promise<StoredContact | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      'SELECT * FROM notifications.complainant_contacts WHERE tenant_id = $1 AND complaint_id = $2',
      [tenantId, complaintId],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  },

  /** The borrower's most recent contact on any complaint (for refunds, mediation and appeals not tied to one). */
  async latestForBorrower(manager: EntityManager, tenantId: string, borrowerId: string): Promise<StoredContact | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      'SELECT * FROM notifications.complainant_contacts WHERE tenant_id = $1 AND borrower_id = $2 ORDER BY changed_at DESC LIMIT 1',
      [tenantId, borrowerId],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  },
};
