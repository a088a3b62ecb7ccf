import { callerSchema, type Caller } from '@redress/graphql-kit';

/**
 * Development tokens: `Bearer dev.<base64url JSON {tenantId, actorId, roles, borrowerId?}>`.
 * They name tenant and caller without a signature, so they exist only until signed identity
 * (issue 4) replaces them, and are refused in production.
 */
export const DEV_TOKEN_PREFIX = 'dev.';

export function encodeDevToken(caller: Omit<Caller, 'borrowerId'> & { borrowerId?: string | null }): string {
  return `${DEV_TOKEN_PREFIX}${Buffer.from(JSON.stringify(caller)).toString('base64url')}`;
}

export type TokenResult = { ok: true; caller: Caller } | { ok: false; reason: string };

export function readDevToken(authorization: string | undefined): TokenResult {
  if (!authorization) return { ok: false, reason: 'No credentials: send "Authorization: Bearer <token>".' };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) return { ok: false, reason: 'The Authorization header must be "Bearer <token>".' };
  const token = match[1]!;
  if (!token.startsWith(DEV_TOKEN_PREFIX)) return { ok: false, reason: 'Unknown token type.' };
  try {
    const caller = callerSchema.parse(JSON.parse(Buffer.from(token.slice(DEV_TOKEN_PREFIX.length), 'base64url').toString('utf8')));
    return { ok: true, caller };
  } catch {
    return { ok: false, reason: 'The token could not be read.' };
  }
}
