import { oneOf, optionalText, requiredText, ValidationError } from '@redress/domain-kit';

/** Kinds of evidence a borrower brings (DOMAIN.md: SMS, email, chat logs, call recordings, contracts, repayment records). */
export const EVIDENCE_KINDS = ['SMS', 'EMAIL', 'CHAT_LOG', 'CALL_RECORDING', 'CONTRACT', 'REPAYMENT_RECORD', 'PHOTO', 'OTHER'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Media types accepted as evidence; anything else is refused at intake rather than stored unread. */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'audio/mpeg',
  'audio/mp4',
  'audio/amr',
  'audio/wav',
  'video/mp4',
  'text/plain',
  'message/rfc822',
  'application/zip',
] as const;

export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;

/** An attachment's metadata: the file itself lives in the lender's document store, found by its hash. */
export interface Evidence {
  kind: EvidenceKind;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the content, lower-case hex: proves later that the file is the one received. */
  sha256: string;
  description: string | null;
}

export interface EvidenceInput {
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256?: string | null;
  description?: string | null;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function validateEvidence(field: string, input: EvidenceInput): Evidence {
  const kind = oneOf(`${field}.kind`, input.kind, EVIDENCE_KINDS);
  const fileName = requiredText(`${field}.fileName`, input.fileName, 255);
  if (/[/\\]/.test(fileName) || fileName.includes(String.fromCharCode(0))) throw new ValidationError(`${field}.fileName`, 'must be a file name, not a path');
  const mediaType = oneOf(`${field}.mediaType`, input.mediaType?.toLowerCase() ?? '', EVIDENCE_MEDIA_TYPES);
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes < 1) throw new ValidationError(`${field}.sizeBytes`, 'must be a whole number of bytes, at least 1');
  if (input.sizeBytes > MAX_EVIDENCE_BYTES) throw new ValidationError(`${field}.sizeBytes`, `is over the ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB limit`);
  const sha256 = input.sha256?.trim().toLowerCase() ?? '';
  if (!sha256) throw new ValidationError(`${field}.sha256`, 'is required: the content hash proves the file is the one received');
  if (!SHA256.test(sha256)) throw new ValidationError(`${field}.sha256`, 'must be a SHA-256 digest in hex (64 characters)');
  return { kind, fileName, mediaType, sizeBytes: input.sizeBytes, sha256, description: optionalText(`${field}.description`, input.description, 500) };
}
