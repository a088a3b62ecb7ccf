import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Personal data must never reach a log (DOMAIN.md, Privacy). These paths are censored wherever
 * they appear in a logged object; code should not log personal data in the first place.
 */
const REDACTED_PATHS = [
  '*.name',
  '*.phone',
  '*.email',
  '*.idNumber',
  '*.complainant',
  '*.password',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
  '*.secret',
];

export function createLogger(
  service: string,
  level = process.env['LOG_LEVEL'] ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
