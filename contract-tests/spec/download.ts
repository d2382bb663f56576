/** Reads a spec and the files it references within one size budget and one deadline, so a hostile source cannot exhaust memory or time. */
import { open } from 'node:fs/promises';

/** 20 MiB: the real spec is ~370 KB, so this only stops runaway or hostile sources. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** 60 s for every download of one update together. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** What one read of a spec may still take: bytes left and a deadline shared by every download. */
export interface Budget {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  used: number;
  readonly signal: AbortSignal;
  /** The flags that raise each cap, named in the refusals (spec:update's by default). */
  readonly flags: BudgetFlags;
}

export interface BudgetFlags {
  size: string;
  time?: string | undefined;
}

export function createBudget(
  maxBytes = DEFAULT_MAX_BYTES,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  flags: BudgetFlags = { size: '--max-mb', time: '--timeout' },
): Budget {
  return { maxBytes, timeoutMs, used: 0, signal: AbortSignal.timeout(timeoutMs), flags };
}

/** Why a read stopped: over the size cap, past the deadline, or not a regular file. */
export class ReadRefused extends Error {
  override name = 'ReadRefused';
  constructor(
    readonly kind: 'size' | 'time' | 'not-a-file',
    message: string,
  ) {
    super(message);
  }
}

const megabytes = (bytes: number) => String(Number((bytes / (1024 * 1024)).toFixed(1)));
const overSize = (budget: Budget) =>
  new ReadRefused(
    'size',
    `larger than ${megabytes(budget.maxBytes)} MB (${budget.flags.size}): refused; raise ${budget.flags.size} if the spec really is this big`,
  );
const overTime = (budget: Budget) =>
  new ReadRefused('time', `no complete answer within ${budget.timeoutMs / 1000} s${budget.flags.time ? ` (${budget.flags.time})` : ''}`);

function take(budget: Budget, bytes: number): void {
  if (budget.used + bytes > budget.maxBytes) throw overSize(budget);
}

/** A regular file only (never a device, FIFO or folder), refused before reading when over budget. */
export async function readCappedFile(path: string, budget: Budget): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new ReadRefused('not-a-file', 'not a regular file');
    take(budget, stats.size);
    // Read at most one byte past the budget: a file growing while read is still caught.
    const room = budget.maxBytes - budget.used;
    const buffer = Buffer.alloc(Math.min(stats.size, room) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    take(budget, length);
    budget.used += length;
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

export interface Downloaded {
  response: Response;
  body: Buffer;
}

export interface DownloadOptions {
  headers?: Record<string, string>;
  /**
   * When given, redirects are followed one by one and a hop to a URL this refuses is not requested:
   * the redirect itself is returned (status 3xx, `location` header) for the caller to report.
   */
  mayRedirectTo?: (url: string) => boolean;
}

const MAX_REDIRECTS = 5;

/**
 * fetch, then the body chunk by chunk until the budget runs out (an endless body stops there), all
 * under the budget's deadline. A non-2xx answer is returned with an empty body, unread.
 */
export async function downloadCapped(
  url: string,
  budget: Budget,
  fetch: typeof globalThis.fetch,
  { headers = {}, mayRedirectTo }: DownloadOptions = {},
): Promise<Downloaded> {
  try {
    let response = await fetch(url, { signal: budget.signal, headers, redirect: mayRedirectTo ? 'manual' : 'follow' });
    for (let hops = 0; mayRedirectTo && hops < MAX_REDIRECTS && isRedirect(response); hops++) {
      const next = new URL(response.headers.get('location') ?? '', response.url || url).href;
      if (!mayRedirectTo(next)) break;
      await response.body?.cancel().catch(() => undefined);
      response = await fetch(next, { signal: budget.signal, headers, redirect: 'manual' });
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      return { response, body: Buffer.alloc(0) };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > 0 && budget.used + declared > budget.maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw overSize(budget);
    }
    const chunks: Buffer[] = [];
    let length = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (budget.used + length > budget.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw overSize(budget);
      }
      chunks.push(Buffer.from(value));
    }
    budget.used += length;
    return { response, body: Buffer.concat(chunks, length) };
  } catch (err) {
    if (err instanceof ReadRefused) throw err;
    if (budget.signal.aborted) throw overTime(budget);
    throw err;
  }
}

const isRedirect = (response: Response) => response.status >= 300 && response.status < 400 && response.headers.has('location');
