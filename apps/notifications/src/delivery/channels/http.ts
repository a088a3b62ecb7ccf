import { DeliveryFailure } from './channel-provider';

/** POSTs JSON; classifies failures: 408, 425, 429 and 5xx (and no answer) are retried, other 4xx are not. */
export async function postJson(
  what: string,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw new DeliveryFailure(`${what}: ${(error as Error).message}`, false);
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, text };
}

export function failureFor(what: string, status: number, text: string): DeliveryFailure {
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  return new DeliveryFailure(`${what} answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}`, !retryable);
}
