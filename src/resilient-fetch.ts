/** Wraps `fetch` with a per-attempt timeout and the retry policy; the client hands this to openapi-fetch. */
import { FungiesTimeoutError } from './errors.js';
import { retryDelay, shouldRetry, type RetryPolicy } from './retry.js';

export interface ResilientFetchOptions {
  fetch: typeof fetch;
  /** Per attempt, in milliseconds; false for none. */
  timeout: number | false;
  retry: RetryPolicy;
  /** Receives one line per retry decision that leads to another attempt or gives up. */
  log?: ((message: string) => void) | undefined;
  /** Injected by tests so they never wait for real. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function resilientFetch({ fetch, timeout, retry, log, sleep = realSleep }: ResilientFetchOptions): typeof globalThis.fetch {
  return async (input, init) => {
    const original = input instanceof Request ? input : new Request(input, init);
    const where = `${original.method} ${new URL(original.url).origin}${new URL(original.url).pathname}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await attemptOnce(fetch, original.clone(), timeout, where);
      } catch (err) {
        failure = err;
      }
      const decision = shouldRetry({ method: original.method, status: response?.status, headers: response?.headers, attempt, policy: retry });
      if (!decision.retry) {
        if (failure !== undefined) throw failure;
        if (response?.ok && attempt > 1) log?.(`${where}: succeeded on attempt ${attempt}`);
        else if (response && !response.ok) log?.(`${where}: ${decision.reason}`);
        return response as Response;
      }
      const delay = retryDelay(attempt, response?.headers);
      log?.(`${where}: ${decision.reason}; retry ${attempt}/${retry.limit} in ${delay} ms`);
      // Free the connection of a response we are not going to read.
      await response?.body?.cancel().catch(() => undefined);
      await sleep(delay);
    }
  };
}

async function attemptOnce(fetch: typeof globalThis.fetch, request: Request, timeout: number | false, where: string): Promise<Response> {
  if (timeout === false) return fetch(request);
  const timer = AbortSignal.timeout(timeout);
  const signal = AbortSignal.any([request.signal, timer]);
  try {
    return await fetch(new Request(request, { signal }));
  } catch (err) {
    // Only our own timer makes this a timeout; a caller's abort stays an abort.
    if (timer.aborted && !request.signal.aborted) throw new FungiesTimeoutError(`Request timed out after ${timeout} ms: ${where}`, { cause: err });
    throw err;
  }
}
