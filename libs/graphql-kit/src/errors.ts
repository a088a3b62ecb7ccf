import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@redress/domain-kit';
import type { Logger } from '@redress/logger';

export { DomainError, ValidationError, type ErrorCode } from '@redress/domain-kit';

/** GraphQL errors raised by the server itself that are safe to pass through unchanged. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
]);

/**
 * The one mapper from errors to what a caller sees: typed errors keep their code and field,
 * anything unexpected becomes a generic INTERNAL_SERVER_ERROR (logged, never shown).
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError ? unwrapped.originalError : unwrapped;
    if (original instanceof DomainError) {
      return { message: original.message, path: formatted.path, extensions: { code: original.code, ...original.details } };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const { stacktrace: _s, http: _h, ...extensions } = formatted.extensions ?? {};
      const variableError = code === 'BAD_USER_INPUT' ? readVariableError(formatted.message) : null;
      if (variableError) {
        return { message: `${variableError.field}: ${variableError.reason}`, extensions: { ...extensions, field: variableError.field } };
      }
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
    return {
      message: 'Something went wrong on our side. The request may not have been completed; check before repeating it.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

const VARIABLE_ERROR = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([\s\S]*)$/;
const MISSING_OR_UNKNOWN_FIELD = /^Field "([^"]+)" (?:of required type "[^"]+" was not provided|is not defined by type "[^"]+")/;

/**
 * graphql-js reports a bad variable by echoing the whole value back, which would repeat personal
 * data (names, phone numbers) in the response and in logs. Keep only the field path and the reason.
 */
export function readVariableError(message: string): { field: string; reason: string } | null {
  const match = VARIABLE_ERROR.exec(message);
  if (!match) return null;
  const [, variable, at, reason] = match as unknown as [string, string, string | undefined, string];
  const missing = MISSING_OR_UNKNOWN_FIELD.exec(reason);
  const path = at ?? variable;
  return { field: missing ? `${path}.${missing[1]}` : path, reason };
}
