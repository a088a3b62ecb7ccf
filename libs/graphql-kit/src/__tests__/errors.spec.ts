import { GraphQLError } from 'graphql';
import { createLogger } from '@redress/logger';
import { ValidationError } from '@redress/domain-kit';
import { createErrorFormatter, readVariableError } from '../errors';

describe('readVariableError', () => {
  it.each([
    [
      'Variable "$input" got invalid value { complainant: { name: "王秀英" } }; Field "description" of required type "String!" was not provided.',
      'input.description',
    ],
    [
      'Variable "$input" got invalid value "FAX" at "input.channel"; Value "FAX" does not exist in "ComplaintChannel" enum.',
      'input.channel',
    ],
    [
      'Variable "$input" got invalid value { name: "王秀英" } at "input.complainant"; Field "phone" of required type "String!" was not provided.',
      'input.complainant.phone',
    ],
    [
      'Variable "$input" got invalid value 10.5 at "input.disputedAmount.amountMinor"; Int cannot represent non-integer value: 10.5',
      'input.disputedAmount.amountMinor',
    ],
    ['Variable "$id" got invalid value { a: 1 }; ID cannot represent value: { a: 1 }', 'id'],
  ])('names the field of %j', (message, field) => {
    const result = readVariableError(message);
    expect(result?.field).toBe(field);
    expect(result?.reason).not.toContain('王秀英');
  });

  it('leaves other messages alone', () => {
    expect(readVariableError('Cannot query field "x" on type "Query".')).toBeNull();
  });
});

describe('createErrorFormatter', () => {
  const format = createErrorFormatter(createLogger('test', 'silent'));

  it('keeps a typed error’s code and field', () => {
    const error = new GraphQLError('x', { originalError: new ValidationError('input.phone', 'is not a telephone number') });
    expect(format({ message: 'x' }, error)).toEqual({
      path: undefined,
      message: 'input.phone: is not a telephone number',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.phone' },
    });
  });

  it('hides anything unexpected behind a generic error', () => {
    const formatted = format({ message: 'relation "x" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at …'] } }, new Error('relation "x" does not exist'));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain('relation');
  });
});
