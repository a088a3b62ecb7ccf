import { isUuid, ValidationError } from '@redress/domain-kit';

/** Relay connection arguments, validated once for every list in the graph. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<K> {
  limit: number;
  after: K | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Cursors are opaque to callers; a tampered one is a BAD_USER_INPUT, not a server error. */
export function readPage<K>(args: PageArgs, isKey: (value: unknown) => value is K): Page<K> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  if (!args.after) return { limit: first, after: null };
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!isKey(key)) throw new ValidationError('after', 'is not a cursor this list gave out');
  return { limit: first, after: key };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Builds a connection from `limit + 1` rows fetched after the cursor: the extra row only says there is more. */
export function toConnection<T>(rows: T[], page: Page<unknown>, keyOf: (row: T) => unknown): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The usual keyset: a timestamp (as the server wrote it) and an id as tie-breaker. */
export function isTimeIdKey(value: unknown): value is [string, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    ISO_INSTANT.test(value[0]) &&
    !Number.isNaN(Date.parse(value[0])) &&
    typeof value[1] === 'string' &&
    isUuid(value[1])
  );
}
