import { isTransientDatabaseError } from '../data-source';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isTransientDatabaseError', () => {
  it.each([
    ['server shutting down', true, withCode('57P01')],
    ['connection failure class', true, withCode('08006')],
    ['connection refused', true, withCode('ECONNREFUSED')],
    ['serialization failure', true, withCode('40001')],
    ['lost connection message', true, new Error('Connection terminated unexpectedly')],
    ['wrapped by TypeORM', true, Object.assign(new Error('query failed'), { driverError: withCode('57P01') })],
    ['no free pooled connection in time', true, new Error('timeout exceeded when trying to connect')],
    ['host unreachable during failover', true, withCode('EHOSTUNREACH')],
    ['unique violation', false, withCode('23505')],
    ['syntax error', false, withCode('42601')],
    ['a plain bug', false, new TypeError('undefined is not a function')],
    ['not an error', false, 'boom'],
  ])('%s → transient: %s', (_name, expected, error) => {
    expect(isTransientDatabaseError(error)).toBe(expected);
  });
});
