import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Requests per client per window. Counters live in this gateway process: with several gateway
 * instances each allows the limit (docs/identity.md says how to share them).
 */
export class ClientRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(points: number, windowSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix: 'graph' });
  }

  /** Counts one request; when over the limit, says how many seconds until the next is allowed. */
  async take(key: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
    try {
      await this.limiter.consume(key);
      return { ok: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      throw rejection;
    }
  }
}

/** The caller sees RATE_LIMITED with the wait, as HTTP 429 with Retry-After. */
export function rateLimitedError(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many requests from this client: try again in ${retryAfterSeconds} s.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
