/** The codes a caller may see (STYLE.md habit 7). Plain TypeScript: domain code raises these. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/** Base of every module's typed errors: a code, a message for the caller, and details such as the field at fault. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Bad input, naming the field (its path in the request input, e.g. `input.complainant.phone`). */
export class ValidationError extends DomainError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field });
    this.name = 'ValidationError';
  }
}
