/**
 * The one way the suite reads a response body: at most `maxBytes` decoded bytes (fetch decompresses,
 * so a gzip bomb stops too) and within the request's deadline. A target can send anything; an
 * endless or dripping body must end the check, not the machine.
 */

/** The default of `--max-response-bytes`, the same cap the client applies. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The body went past the cap: reading stopped there. */
export class BodyCapExceeded extends Error {
  override name = 'BodyCapExceeded';
  constructor(readonly maxBytes: number) {
    super(`the response body is larger than ${maxBytes} bytes (--max-response-bytes ${maxBytes}); reading stopped there`);
  }
}

/** The deadline fired before the whole response arrived. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
  constructor(readonly timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms (--timeout ${timeoutMs})`);
  }
}

/** Rejects once `signal` aborts, so a read that never settles still ends. */
function aborted(signal: AbortSignal, timeoutMs: number): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = () => reject(new DeadlineExceeded(timeoutMs));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

export interface BodyLimits {
  maxBytes: number;
  /** Aborts the read; `timeoutMs` is what the error names. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** The body's bytes; throws BodyCapExceeded or DeadlineExceeded, cancelling the download either way. */
export async function readBodyBytes(response: Response, limits: BodyLimits): Promise<Uint8Array<ArrayBuffer>> {
  const { maxBytes, signal, timeoutMs } = limits;
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw new BodyCapExceeded(maxBytes);
  }
  const body = response.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const deadline = aborted(signal, timeoutMs);
  deadline.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new BodyCapExceeded(maxBytes);
      chunks.push(value);
    }
  } catch (err) {
    reader.cancel().catch(() => undefined);
    if (err instanceof BodyCapExceeded || err instanceof DeadlineExceeded) throw err;
    throw signal.aborted ? new DeadlineExceeded(timeoutMs) : err;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The body as text, within the limits. */
export async function readBodyText(response: Response, limits: BodyLimits): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(response, limits));
}

/** The cap or deadline error somewhere in `err`'s cause chain (the client wraps what its fetch threw). */
export function limitError(err: unknown): BodyCapExceeded | DeadlineExceeded | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if (e instanceof BodyCapExceeded || e instanceof DeadlineExceeded) return e;
  return undefined;
}
