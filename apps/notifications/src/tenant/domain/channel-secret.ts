/** Seal context of a channel's secret: bound to this service, the tenant and the channel. */
export function channelSecretContext(tenantId: string, channel: string): string {
  return `notifications:${tenantId}:channel_settings.secret:${channel}`;
}

interface Cipher {
  seal(value: string, context: string): string;
  open(sealed: string, context: string): string;
}

export function sealChannelSecret(cipher: Cipher, tenantId: string, channel: string, secret: string): string {
  return cipher.seal(secret, channelSecretContext(tenantId, channel));
}

export function openChannelSecret(cipher: Cipher, tenantId: string, channel: string, sealed: string): string {
  return cipher.open(sealed, channelSecretContext(tenantId, channel));
}
