/**
 * The one request `run` sends before its checks: does the target answer at all, and with what
 * body. On node:http(s) like the checks (recording-transport.ts), so a run never loads node's fetch
 * for it: no redirect followed, one deadline over the headers and the body, the body read up to a cap.
 */
import type { IncomingMessage } from 'node:http';

export interface ProbeOptions {
  /** Over the headers and the body together. */
  timeoutMs: number;
  /** The most body bytes read; a longer body reads as none. */
  maxBytes: number;
  /** false: the body is not read (only that the target answers matters). */
  readBody: boolean;
}

/** Why the target could not be reached: the connection error's code, else its message. */
export class ProbeFailed extends Error {
  override name = 'ProbeFailed';
}

/**
 * GETs `url` and resolves with its body as text ('' when not read, longer than the cap, or cut off
 * by the deadline once the headers came); rejects with ProbeFailed when no answer came.
 */
export async function probeTarget(url: URL, { timeoutMs, maxBytes, readBody }: ProbeOptions): Promise<string> {
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise<string>((resolve, reject) => {
    let answered = false;
    const timer = setTimeout(() => {
      req.destroy();
      if (!answered) reject(new ProbeFailed(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = (text: string) => {
      clearTimeout(timer);
      resolve(text);
    };
    // agent: false: the probe's connection closes with it, leaving nothing open.
    const req = request(url, { method: 'GET', headers: { accept: '*/*' }, agent: false }, (res) => {
      answered = true;
      if (!readBody) {
        res.destroy();
        done('');
        return;
      }
      readUpTo(res, maxBytes).then(done, () => done(''));
    });
    req.on('error', (err: Error & { code?: string }) => {
      if (answered) return;
      clearTimeout(timer);
      reject(new ProbeFailed(err.code ?? err.message));
    });
    req.end();
  });
}

/** The body as UTF-8 text; rejects past `maxBytes` or when the connection ends early. */
function readUpTo(res: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        res.destroy();
        reject(new Error('the body is longer than the probe reads'));
      }
    });
    res.on('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(new Error('the connection closed before the body was complete'));
    });
  });
}
