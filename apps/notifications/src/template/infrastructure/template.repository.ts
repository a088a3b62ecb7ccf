import type { EntityManager } from 'typeorm';
import type { Locale } from '@redress/contracts';
import type { NoticeChannel, NoticeKind } from '../../notice/domain/notice';
import type { TemplateText } from '../domain/template';

export interface StoredTemplate extends TemplateText {
  tenantId: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  locale: Locale;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

const fromRow = (r: Record<string, unknown>): StoredTemplate => ({
  tenantId: r['tenant_id'] as string,
  kind: r['kind'] as NoticeKind,
  channel: r['channel'] as NoticeChannel,
  locale: r['locale'] as Locale,
  subject: r['subject'] as string,
  body: r['body'] as string,
  version: Number(r['version']),
  updatedAt: r['updated_at'] as Date,
  updatedBy: r['updated_by'] as string,
});

/** A tenant's templates, one per kind, channel and locale. */
export const templateRepository = {
  async list(
    manager: EntityManager,
    tenantId: string,
    filter: { kind?: NoticeKind; channel?: NoticeChannel; locale?: Locale },
    page: { limit: number; after: [string, string, string] | null },
  ): Promise<StoredTemplate[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM notifications.templates
        WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR locale = $4)
          AND ($5::text IS NULL OR (kind, channel, locale) > ($5, $6, $7))
        ORDER BY kind, channel, locale LIMIT $8`,
      [tenantId, filter.kind ?? null, filter.channel ?? null, filter.locale ?? null, page.after?.[0] ?? null, page.after?.[1] ?? null, page.after?.[2] ?? null, page.limit + 1],
    );
    return rows.map(fromRow);
  },

  /** Saves an edited template; `expectedVersion` (when given) guards against overwriting someone else's edit. */
  async save(
    manager: EntityManager,
    t: { tenantId: string; kind: NoticeKind; channel: NoticeChannel; locale: Locale } & TemplateText,
    actorId: string,
    expectedVersion: number | null,
    now: Date,
  ): Promise<StoredTemplate | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `INSERT INTO notifications.templates (tenant_id, kind, channel, locale, subject, body, version, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)
       ON CONFLICT (tenant_id, kind, channel, locale) DO UPDATE
         SET subject = EXCLUDED.subject, body = EXCLUDED.body, version = templates.version + 1,
             updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       WHERE $9::int IS NULL OR templates.version = $9
       RETURNING *`,
      [t.tenantId, t.kind, t.channel, t.locale, t.subject, t.body, now, actorId, expectedVersion],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  },

  /** Provisions defaults: adds what is missing and never overwrites a tenant's own edits. */
  async provision(manager: EntityManager, templates: StoredTemplate[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < templates.length; i += 200) {
      const chunk = templates.slice(i, i + 200);
      const params: unknown[] = [];
      const values = chunk.map((t) => {
        params.push(t.tenantId, t.kind, t.channel, t.locale, t.subject, t.body, t.updatedAt, t.updatedBy);
        const b = params.length - 8;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, 1, $${b + 7}, $${b + 8})`;
      });
      const rows: unknown[] = await manager.query(
        `INSERT INTO notifications.templates (tenant_id, kind, channel, locale, subject, body, version, updated_at, updated_by)
         VALUES ${values.join(', ')} ON CONFLICT DO NOTHING RETURNING kind`,
        params,
      );
      added += rows.length;
    }
    return added;
  },
};
