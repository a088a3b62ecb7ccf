import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import { parseOptedOutChannels, type BorrowerPreferences } from '../../domain/preferences';
import { parseQuietHours, type QuietHours } from '../../domain/quiet-hours';
import { preferenceRepository } from '../../infrastructure/preference.repository';

export interface SetPreferencesCommand {
  tenantId: string;
  actorId: string;
  borrowerId: string;
  optedOutChannels: string[];
  quietHours: QuietHours | null;
}

/** Records a borrower's choice; it applies to ordinary notices from their next delivery on. */
export async function setPreferences(ds: DataSource, cmd: SetPreferencesCommand): Promise<BorrowerPreferences> {
  const optedOutChannels = parseOptedOutChannels('input.optedOutChannels', cmd.optedOutChannels);
  const quietHours = parseQuietHours('input.quietHours', cmd.quietHours);
  return withTenant(ds, cmd.tenantId, (m) =>
    preferenceRepository.save(m, { tenantId: cmd.tenantId, borrowerId: cmd.borrowerId, optedOutChannels, quietHours }, cmd.actorId, new Date()),
  );
}
