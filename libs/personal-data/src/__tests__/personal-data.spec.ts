import { generateDataKey, maskEmail, maskIdNumber, maskName, maskPhone, parseKeyring, PersonalDataCipher, PersonalDataError } from '..';

const k1 = generateDataKey('k1');
const k2 = generateDataKey('k2');

describe('PersonalDataCipher', () => {
  const cipher = PersonalDataCipher.fromConfig(k1);

  it('seals to ciphertext that carries its key id and opens to the value', () => {
    const sealed = cipher.seal('13812341234', 't1:phone');
    expect(sealed).not.toContain('1381234');
    expect(PersonalDataCipher.keyIdOf(sealed)).toBe('k1');
    expect(cipher.open(sealed, 't1:phone')).toBe('13812341234');
  });

  it('never seals one value the same way twice', () => {
    expect(cipher.seal('王秀英', 'c')).not.toBe(cipher.seal('王秀英', 'c'));
  });

  it.each([
    ['another context (another tenant or column)', (s: string) => cipher.open(s, 't2:phone')],
    ['a flipped ciphertext byte', (s: string) => {
      const parts = s.split('.');
      const body = Buffer.from(parts[3]!, 'base64url');
      body[0] = body[0]! ^ 1;
      parts[3] = body.toString('base64url');
      return cipher.open(parts.join('.'), 't1:phone');
    }],
    ['a key not in the ring', (s: string) => PersonalDataCipher.fromConfig(k2).open(s, 't1:phone')],
    ['a value that is not sealed', () => cipher.open('13812341234', 't1:phone')],
  ])('refuses %s', (_what, attempt) => {
    const sealed = cipher.seal('13812341234', 't1:phone');
    expect(() => attempt(sealed)).toThrow(PersonalDataError);
  });

  it('rotates: a ring with a new active key opens old values and reseals them under the new key', () => {
    const old = cipher.seal('wangxiuying@example.cn', 'c');
    const rotated = PersonalDataCipher.fromConfig(`${k2},${k1}`);
    expect(rotated.open(old, 'c')).toBe('wangxiuying@example.cn');
    const resealed = rotated.reseal(old, 'c');
    expect(PersonalDataCipher.keyIdOf(resealed)).toBe('k2');
    expect(rotated.open(resealed, 'c')).toBe('wangxiuying@example.cn');
    expect(rotated.reseal(resealed, 'c')).toBe(resealed);
  });

  it('fingerprints equal values equally, per context, and not the way another key does', () => {
    expect(cipher.blindIndex('13812341234', 't1')).toBe(cipher.blindIndex('13812341234', 't1'));
    expect(cipher.blindIndex('13812341234', 't1')).not.toBe(cipher.blindIndex('13812341234', 't2'));
    expect(cipher.blindIndex('13812341234', 't1')).not.toContain('1381234');
    expect(PersonalDataCipher.fromConfig(k2).blindIndex('13812341234', 't1')).not.toBe(cipher.blindIndex('13812341234', 't1'));
    expect(cipher.seal('x', 'c').startsWith(cipher.activePrefix)).toBe(true);
  });

  it.each([
    ['', 'no data keys'],
    ['k1', 'expected "<keyId>:<base64 key>"'],
    ['k1:c2hvcnQ=', 'must be 32 bytes'],
    [`${k1},${k1}`, 'unique'],
  ])('refuses the keyring %j (%s) without echoing a key', (value, message) => {
    expect(() => parseKeyring(value)).toThrow(message);
  });
});

describe('masking', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+852 6123 4567', '+852****4567'],
    ['+86 186 0000 3333', '+86186****3333'],
    ['95511', '***11'],
  ])('phone %s → %s', (input, masked) => expect(maskPhone(input)).toBe(masked));

  it.each([
    ['wangxiuying@example.cn', 'w***@example.cn'],
    ['not-an-email', '***'],
  ])('email %s → %s', (input, masked) => expect(maskEmail(input)).toBe(masked));

  it.each([
    ['王秀英', '王*英'],
    ['李强', '李*'],
    ['欧阳娜娜', '欧**娜'],
    ['Michael Zhou', 'M*** Z***'],
  ])('name %s → %s', (input, masked) => expect(maskName(input)).toBe(masked));

  it('hides the birth date of an ID number', () => {
    expect(maskIdNumber('110101199003074512')).toBe('1101**********4512');
  });
});
