/**
 * How personal data is shown to roles that do not need it in full (DOMAIN.md, Privacy and
 * security): enough to recognise, not enough to use.
 */

/** 13812341234 → 138****1234; +852 6123 4567 → +852****4567. Short numbers keep only the last two digits. */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  if (compact.length >= 11) return `${compact.slice(0, compact.length - 8)}****${compact.slice(-4)}`;
  if (compact.length > 4) return `${'*'.repeat(compact.length - 2)}${compact.slice(-2)}`;
  return '*'.repeat(compact.length);
}

/** wangxiuying@example.cn → w***@example.cn. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** 王秀英 → 王*英, 李强 → 李*, Michael Zhou → M*** Z***. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (/^[\p{Script=Han}·]+$/u.test(name.trim())) {
    if (chars.length === 1) return '*';
    if (chars.length === 2) return `${chars[0]}*`;
    return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  }
  return name
    .trim()
    .split(/\s+/)
    .map((w) => `${Array.from(w)[0]}***`)
    .join(' ');
}

/** 110101199003074512 → 1101**********4512: region kept, birth date hidden. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}
