import { randomUUID } from 'node:crypto';
import { encodeCursor, isTimeIdKey, readPage, toConnection } from '../pagination';
import { ValidationError } from '../errors';

describe('cursor pagination', () => {
  const key: [string, string] = ['2026-11-25T08:00:00.000Z', randomUUID()];

  it.each([
    [{}, { limit: 20, after: null }],
    [{ first: 5 }, { limit: 5, after: null }],
    [{ first: 100, after: encodeCursor(key) }, { limit: 100, after: key }],
  ])('reads %j', (args, expected) => {
    expect(readPage(args, isTimeIdKey)).toEqual(expected);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 2.5 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: encodeCursor(['yesterday', 'x']) }, 'after'],
    [{ after: encodeCursor(['0', '------------------------------------']) }, 'after'],
    [{ after: encodeCursor(['2026-11-25T08:00:00.000Z', '------------------------------------']) }, 'after'],
  ])('refuses %j naming %s', (args, field) => {
    expect(() => readPage(args, isTimeIdKey)).toThrow(ValidationError);
    expect(() => readPage(args, isTimeIdKey)).toThrow(new RegExp(`^${field}:`));
  });

  it('uses the extra row only to say there is a next page', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const connection = toConnection(rows, { limit: 2, after: null }, (r) => r.n);
    expect(connection.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor(1), endCursor: encodeCursor(2) });
  });
});
