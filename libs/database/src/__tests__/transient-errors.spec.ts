import { isTransientDatabaseError } from '../data-source';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isTransientDatabaseError', () => {
  it.each([
    ['server shutting down', withCode('57P01'), true],
    ['connection failure class', withCode('08006'), true],
    ['connection refused', withCode('ECONNREFUSED'), true],
    ['serialization failure', withCode('40001'), true],
    ['lost connection message', new Error('Connection terminated unexpectedly'), true],
    ['wrapped by TypeORM', Object.assign(new Error('query failed'), { driverError: withCode('57P01') }), true],
    ['unique violation', withCode('23505'), false],
    ['syntax error', withCode('42601'), false],
    ['a plain bug', new TypeError('undefined is not a function'), false],
    ['not an error', 'boom', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isTransientDatabaseError(error)).toBe(expected);
  });
});
