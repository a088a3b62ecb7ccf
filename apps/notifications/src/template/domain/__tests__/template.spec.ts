import { LOCALES } from '@redress/contracts';
import { NOTICE_CHANNELS } from '../../../notice/domain/notice';
import { NOTICE_KIND_NAMES, variablesOf } from '../../../notice/domain/notice-kinds';
import { DEFAULT_TEMPLATES, defaultTemplate } from '../default-templates';
import { placeholdersOf, renderTemplate, validateTemplate } from '../template';

describe('templates', () => {
  it('refuses a template that uses a variable its kind does not provide, naming the field and the variable', () => {
    expect(() =>
      validateTemplate('COMPLAINT_ACCEPTED', 'EMAIL', { subject: '已受理 {{reference}}', body: '{{customerName}}您好，处理结果将于{{decisionDueAt}}前告知。' }),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'input.body' }, message: expect.stringContaining('"customerName"') }));
  });

  it.each([
    ['an unbalanced brace', { subject: '编号 {{reference', body: '正文' }, 'input.subject'],
    ['a placeholder that is not a name', { subject: '编号', body: '{{reference | upper}}' }, 'input.body'],
    ['an empty body', { subject: '编号', body: '   ' }, 'input.body'],
    ['an SMS over 500 characters', { subject: '编号', body: '很'.repeat(501) }, 'input.body'],
  ])('refuses %s', (_, text, field) => {
    expect(() => validateTemplate('COMPLAINT_RECEIVED', 'SMS', text)).toThrow(expect.objectContaining({ details: { field } }));
  });

  it('accepts known variables, with spaces inside the braces', () => {
    expect(validateTemplate('REFUND_REJECTED', 'EMAIL', { subject: ' 退费 {{ reference }} ', body: '{{amount}}：{{reasons}}' })).toEqual({
      subject: '退费 {{ reference }}',
      body: '{{amount}}：{{reasons}}',
    });
  });

  it('renders values in place of the placeholders', () => {
    expect(renderTemplate({ subject: '编号 {{ reference }}', body: '{{productName}}，{{productName}}' }, { reference: 'TS1', productName: '桔多多' })).toEqual({
      subject: '编号 TS1',
      body: '桔多多，桔多多',
    });
  });

  it.each(NOTICE_KIND_NAMES)('every default of %s is valid on every channel and in every locale, and names the reference', (kind) => {
    for (const locale of LOCALES) {
      for (const channel of NOTICE_CHANNELS) {
        const text = defaultTemplate(kind, channel, locale);
        expect(() => validateTemplate(kind, channel, text)).not.toThrow();
        expect(text.subject + text.body).toContain('{{reference}}');
      }
    }
  });

  it('uses every variable a kind declares in at least one default (no dead variables)', () => {
    for (const kind of NOTICE_KIND_NAMES) {
      const used = new Set(LOCALES.flatMap((l) => [...placeholdersOf(DEFAULT_TEMPLATES[kind][l].subject), ...placeholdersOf(DEFAULT_TEMPLATES[kind][l].body)]));
      for (const v of variablesOf(kind)) if (v !== 'tenantName') expect({ kind, v, used: used.has(v) }).toEqual({ kind, v, used: true });
    }
  });
});
