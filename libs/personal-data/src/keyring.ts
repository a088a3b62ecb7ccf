import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (DOMAIN.md, Privacy and security): AES-256-GCM, authenticated, with the id
 * of the key stored beside each value so keys can rotate. New values are sealed with the active
 * key; old values open with any key still in the ring, and `reseal` moves them to the active key.
 *
 * Sealed form: `pd1.<keyId>.<iv b64url>.<ciphertext b64url>.<tag b64url>` — one text column, self-describing.
 */
export interface DataKey {
  id: string;
  key: Buffer;
}

export class PersonalDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataError';
  }
}

const PREFIX = 'pd1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `REDRESS_DATA_KEYS`: comma-separated `<keyId>:<32 bytes, base64>`, the active key first.
 * Never echoes a key in an error.
 */
export function parseKeyring(value: string): DataKey[] {
  const keys = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const colon = entry.indexOf(':');
      const id = colon > 0 ? entry.slice(0, colon) : '';
      if (!KEY_ID.test(id)) throw new PersonalDataError(`data key #${index + 1}: expected "<keyId>:<base64 key>" with a key id of letters, digits, - or _`);
      const key = Buffer.from(entry.slice(colon + 1), 'base64');
      if (key.length !== 32) throw new PersonalDataError(`data key "${id}": must be 32 bytes (base64), got ${key.length}`);
      return { id, key };
    });
  if (keys.length === 0) throw new PersonalDataError('no data keys given');
  const ids = new Set(keys.map((k) => k.id));
  if (ids.size !== keys.length) throw new PersonalDataError('data key ids must be unique');
  return keys;
}

export class PersonalDataCipher {
  private readonly byId: Map<string, Buffer>;
  private readonly active: DataKey;

  constructor(keys: DataKey[]) {
    if (keys.length === 0) throw new PersonalDataError('no data keys given');
    this.active = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  static fromConfig(value: string): PersonalDataCipher {
    return new PersonalDataCipher(parseKeyring(value));
  }

  get activeKeyId(): string {
    return this.active.id;
  }

  /**
   * Seals one value. `context` (e.g. `complaints:<tenantId>:complainant.phone`) is bound in as
   * associated data: a ciphertext copied to another tenant's row or another column will not open.
   */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [PREFIX, this.active.id, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
  }

  open(sealed: string, context: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== PREFIX) throw new PersonalDataError('not a sealed value');
    const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
    const key = this.byId.get(keyId);
    if (!key) throw new PersonalDataError(`sealed with key "${keyId}", which is not in the keyring`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new PersonalDataError('sealed value failed authentication (tampered, wrong context or wrong key)');
    }
  }

  sealNullable(plaintext: string | null, context: string): string | null {
    return plaintext === null ? null : this.seal(plaintext, context);
  }

  openNullable(sealed: string | null, context: string): string | null {
    return sealed === null ? null : this.open(sealed, context);
  }

  /** The key id a sealed value was sealed with (for rotation jobs). */
  static keyIdOf(sealed: string): string | null {
    const parts = sealed.split('.');
    return parts.length === 5 && parts[0] === PREFIX ? parts[1]! : null;
  }

  /**
   * A keyed, deterministic fingerprint of a value, for finding equal values without storing them
   * (e.g. a repeat complaint from the same phone). HMAC-SHA256 under a key derived from the active
   * data key, prefixed with its id: after a rotation, old fingerprints stop matching until resealed.
   */
  blindIndex(value: string, context: string): string {
    const key = Buffer.from(hkdfSync('sha256', this.active.key, Buffer.alloc(0), Buffer.from('redress blind index', 'utf8'), 32));
    const mac = createHmac('sha256', key).update(context).update('\u0000').update(value).digest('base64url');
    return `${this.active.id}.${mac}`;
  }

  /** The prefix every value sealed under the active key starts with (for finding values to reseal). */
  get activePrefix(): string {
    return `${PREFIX}.${this.active.id}.`;
  }

  /** Re-seals a value under the active key; returns it unchanged if it already is. */
  reseal(sealed: string, context: string): string {
    return PersonalDataCipher.keyIdOf(sealed) === this.active.id ? sealed : this.seal(this.open(sealed, context), context);
  }
}

/** A fresh random key in keyring form, for operators and tests: `<id>:<base64>`. */
export function generateDataKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}
