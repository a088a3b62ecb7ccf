import { ValidationError } from './domain-error';

/** Trims and checks a required text: present, within its limit (counted in characters, not bytes). */
export function requiredText(field: string, value: string | null | undefined, maxLength: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw new ValidationError(field, 'is required');
  return limitText(field, text, maxLength);
}

export function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  const text = value?.trim() ?? '';
  return text ? limitText(field, text, maxLength) : null;
}

function limitText(field: string, text: string, maxLength: number): string {
  const length = [...text].length;
  if (length > maxLength) throw new ValidationError(field, `is ${length} characters long; the limit is ${maxLength}`);
  return text;
}

export function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `"${value}" is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}
