import type { DataSource } from 'typeorm';
import type { Locale } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { NoticeChannel, NoticeKind } from '../../../notice/domain/notice';
import { validateTemplate } from '../../domain/template';
import { templateRepository, type StoredTemplate } from '../../infrastructure/template.repository';

export interface SaveTemplateCommand {
  tenantId: string;
  actorId: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  locale: Locale;
  subject: string;
  body: string;
  expectedVersion: number | null;
}

/** Saves a tenant's template once it is known to render: unknown variables are refused here, not at send time. */
export async function saveTemplate(ds: DataSource, cmd: SaveTemplateCommand): Promise<StoredTemplate> {
  const text = validateTemplate(cmd.kind, cmd.channel, { subject: cmd.subject, body: cmd.body });
  return withTenant(ds, cmd.tenantId, async (m) => {
    const saved = await templateRepository.save(m, { tenantId: cmd.tenantId, kind: cmd.kind, channel: cmd.channel, locale: cmd.locale, ...text }, cmd.actorId, cmd.expectedVersion, new Date());
    if (!saved) {
      const [current] = await templateRepository.list(m, cmd.tenantId, { kind: cmd.kind, channel: cmd.channel, locale: cmd.locale }, { limit: 1, after: null });
      throw new DomainError('CONFLICT', `The template was saved by someone else meanwhile: it is at version ${current?.version}, not ${cmd.expectedVersion}.`, {
        field: 'input.expectedVersion',
        currentVersion: current?.version ?? null,
      });
    }
    return saved;
  });
}
