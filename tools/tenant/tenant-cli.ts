/**
 * Onboards, suspends, reinstates and lists lenders from the command line, through the graph as a
 * platform administrator (so every change is authorised, audited and published like one made in a
 * console):
 *
 *   npm run tenant -- onboard --name 你我贷 --code NWD --locales zh-CN,en --default-locale zh-CN \
 *     --time-zone Asia/Shanghai --channels APP,HOTLINE,EMAIL [--id <uuid>] \
 *     [--clock-policy '{"firstReplyHours":12,"decisionDays":10,"complexExtensionDays":15,"seniorExtensionDays":30,"warningHours":4}'] \
 *     [--refund-policy '{…}']
 *   npm run tenant -- suspend --tenant <id> --reason "…"
 *   npm run tenant -- reinstate --tenant <id> --reason "…"
 *   npm run tenant -- list
 *
 * The graph: --gateway or REDRESS_GATEWAY_URL (default http://127.0.0.1:4000/graphql). The caller:
 * REDRESS_TOKEN, a platform_admin token from the identity provider; on a local platform without
 * one, a token is signed with the local key in .redress/identity/ (what the local gateway trusts).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { PLATFORM_TENANT_ID } from '@redress/access';
import { localIdentity, signStaffToken, WORKSPACE_ROOT } from '@redress/devkit';
import { changeTenantStatus, listTenants, onboardTenant } from './tenant-admin';

const USAGE = `usage: npm run tenant -- <onboard|suspend|reinstate|list> [options]
  onboard    --name N --code C --locales zh-CN,en --default-locale zh-CN --time-zone Asia/Shanghai --channels APP,HOTLINE
             [--id UUID] [--clock-policy JSON] [--refund-policy JSON]
  suspend    --tenant UUID --reason TEXT
  reinstate  --tenant UUID --reason TEXT
  list
  common     [--gateway URL]  (token from REDRESS_TOKEN, else the local key in .redress/identity/)`;

function platformToken(): string {
  const given = process.env['REDRESS_TOKEN'];
  if (given) return given;
  const identity = localIdentity(path.join(WORKSPACE_ROOT, '.redress'));
  return signStaffToken(identity, { tenantId: PLATFORM_TENANT_ID, actorId: `ops:${process.env['USER'] ?? 'cli'}`, roles: ['platform_admin'] }, { expiresInSeconds: 300 });
}

function json(option: string, value: string | undefined): Record<string, never> | undefined {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as Record<string, never>;
  } catch {
    throw new Error(`--${option} is not JSON`);
  }
}

function required(values: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => !values[n]);
  if (missing.length) throw new Error(`missing ${missing.map((m) => `--${m}`).join(', ')}\n${USAGE}`);
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      gateway: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      code: { type: 'string' },
      locales: { type: 'string' },
      'default-locale': { type: 'string' },
      'time-zone': { type: 'string' },
      channels: { type: 'string' },
      'clock-policy': { type: 'string' },
      'refund-policy': { type: 'string' },
      tenant: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const gateway = values.gateway ?? process.env['REDRESS_GATEWAY_URL'] ?? 'http://127.0.0.1:4000/graphql';
  const [command] = positionals;
  switch (command) {
    case 'onboard': {
      required(values, ['name', 'code', 'locales', 'default-locale', 'time-zone', 'channels']);
      const tenant = await onboardTenant(gateway, platformToken(), {
        tenantId: values.id,
        name: values.name!,
        code: values.code!,
        locales: values.locales!.split(','),
        defaultLocale: values['default-locale']!,
        timeZone: values['time-zone']!,
        enabledChannels: values.channels!.split(','),
        clockPolicy: json('clock-policy', values['clock-policy']),
        refundPolicy: json('refund-policy', values['refund-policy']),
      });
      console.log(`onboarded ${tenant.name} (${tenant.code}) as tenant ${tenant.id}`);
      return;
    }
    case 'suspend':
    case 'reinstate': {
      required(values, ['tenant', 'reason']);
      const tenant = await changeTenantStatus(gateway, platformToken(), command, values.tenant!, values.reason!);
      console.log(`${tenant.name} (${tenant.code}) is now ${tenant.status} (revision ${tenant.revision})`);
      return;
    }
    case 'list': {
      for (const t of await listTenants(gateway, platformToken())) console.log(`${t.id}  ${t.code.padEnd(8)}  ${t.status.padEnd(9)}  ${t.name}`);
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
