import { ValidationError } from '@redress/domain-kit';
import type { NoticeChannel, NoticeKind } from '../../notice/domain/notice';
import { variablesOf } from '../../notice/domain/notice-kinds';

/** A message template: `{{variable}}` placeholders in a subject and a body. */
export interface TemplateText {
  subject: string;
  body: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

export const TEMPLATE_LIMITS = { subject: 200, body: 4_000, smsBody: 500 } as const;

/** The variable names a text uses, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Checks a template before it is saved: every placeholder names a variable this kind of notice
 * provides, braces are balanced, lengths fit the channel. Throws BAD_USER_INPUT naming the field.
 */
export function validateTemplate(kind: NoticeKind, channel: NoticeChannel, text: TemplateText, fieldPrefix = 'input'): TemplateText {
  const known = variablesOf(kind);
  const check = (field: 'subject' | 'body', value: string, max: number) => {
    const path = `${fieldPrefix}.${field}`;
    if (value.trim().length === 0) throw new ValidationError(path, 'must not be empty');
    if (value.length > max) throw new ValidationError(path, `must be at most ${max} characters`);
    for (const name of placeholdersOf(value)) {
      if (!IDENTIFIER.test(name)) throw new ValidationError(path, `"{{${name}}}" is not a variable name`);
      if (!known.includes(name)) {
        throw new ValidationError(path, `uses the unknown variable "${name}"; ${kind} provides: ${known.join(', ')}`);
      }
    }
    const stray = value.replace(PLACEHOLDER, '');
    if (stray.includes('{{') || stray.includes('}}')) throw new ValidationError(path, 'has an unbalanced "{{" or "}}"');
  };
  check('subject', text.subject, TEMPLATE_LIMITS.subject);
  check('body', text.body, channel === 'SMS' ? TEMPLATE_LIMITS.smsBody : TEMPLATE_LIMITS.body);
  return { subject: text.subject.trim(), body: text.body.trim() };
}

/** Fills the placeholders. A variable without a value renders empty: validation on save is the guard. */
export function renderTemplate(text: TemplateText, variables: Readonly<Record<string, string>>): TemplateText {
  const fill = (value: string) => value.replace(PLACEHOLDER, (_, name: string) => variables[name] ?? '');
  return { subject: fill(text.subject), body: fill(text.body) };
}
