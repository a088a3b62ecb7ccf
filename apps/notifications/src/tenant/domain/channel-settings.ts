import { ValidationError } from '@redress/domain-kit';

/** How a tenant's notices leave the platform, per channel. Secrets are kept sealed and never shown again. */
export interface EmailSettings {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  username: string | null;
  fromAddress: string;
}

export interface SmsSettings {
  gatewayUrl: string;
  senderId: string;
}

export interface WebhookSettings {
  url: string;
}

export type ChannelConfig =
  | { channel: 'EMAIL'; config: EmailSettings }
  | { channel: 'SMS'; config: SmsSettings }
  | { channel: 'WEBHOOK'; config: WebhookSettings };

export type ConfigurableChannel = ChannelConfig['channel'];

export type ChannelSettings = ChannelConfig & {
  tenantId: string;
  enabled: boolean;
  /** The SMTP password, the gateway's API key or the webhook signing secret, opened. */
  secret: string | null;
  version: number;
  updatedAt: Date;
};

const HOST = /^[A-Za-z0-9.-]{1,253}$/;
/** A bare address, or a display name and the address in angle brackets. */
const EMAIL = /^(?:[^<>@]{1,100} <[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

export function validateEmailSettings(field: string, s: EmailSettings): EmailSettings {
  if (!HOST.test(s.host)) throw new ValidationError(`${field}.host`, 'must be a host name or IP address');
  if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65_535) throw new ValidationError(`${field}.port`, 'must be a port number (1–65535)');
  if (!EMAIL.test(s.fromAddress) || s.fromAddress.length > 254) throw new ValidationError(`${field}.fromAddress`, 'must be an email address');
  if (s.username !== null && (s.username.length === 0 || s.username.length > 254)) throw new ValidationError(`${field}.username`, 'must be 1–254 characters');
  return s;
}

export function validateHttpUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError(field, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ValidationError(field, 'must be an absolute http(s) URL');
  if (url.username || url.password) throw new ValidationError(field, 'must not carry credentials; give the secret separately');
  if (value.length > 2_000) throw new ValidationError(field, 'must be at most 2000 characters');
  return url.toString();
}

export function validateSecret(field: string, value: string | null, required: boolean, minLength: number): string | null {
  if (value === null) {
    if (required) throw new ValidationError(field, 'is required');
    return null;
  }
  if (value.length < minLength || value.length > 500) throw new ValidationError(field, `must be ${minLength}–500 characters`);
  return value;
}
