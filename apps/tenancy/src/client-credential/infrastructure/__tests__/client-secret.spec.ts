import { hashClientSecret, newClientId, newClientSecret, verifyClientSecret } from '../client-secret';

describe('client secrets', () => {
  it('stores an scrypt hash that verifies the secret and nothing else', async () => {
    const secret = newClientSecret();
    const stored = await hashClientSecret(secret);
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(secret.slice(4));
    await expect(verifyClientSecret(secret, stored)).resolves.toBe(true);
    await expect(verifyClientSecret(`${secret}x`, stored)).resolves.toBe(false);
    await expect(verifyClientSecret(newClientSecret(), stored)).resolves.toBe(false);
  });

  it('salts every hash, and never matches a malformed stored value', async () => {
    const secret = newClientSecret();
    expect(await hashClientSecret(secret)).not.toBe(await hashClientSecret(secret));
    await expect(verifyClientSecret(secret, 'plain-text')).resolves.toBe(false);
    await expect(verifyClientSecret(secret, 'scrypt$16384$8$1$c2FsdA$dG9vLXNob3J0')).resolves.toBe(false);
  });

  it('makes distinct, prefixed ids and secrets', () => {
    expect(newClientId()).toMatch(/^rdc_[A-Za-z0-9_-]{20}$/);
    expect(newClientSecret()).toMatch(/^rds_[A-Za-z0-9_-]{43}$/);
    expect(newClientId()).not.toBe(newClientId());
  });
});
