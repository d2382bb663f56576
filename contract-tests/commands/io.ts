/** Where a command writes and reads: injectable so tests call commands directly. */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from './errors.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Reads stdin to the end (for `check … -`), or stops once it holds more than `maxBytes`. */
  readStdin(maxBytes: number): Promise<string>;
  /** Ends a long-running command (`mock`) when it resolves; unset, Ctrl-C or SIGTERM does. */
  stopSignal?: Promise<void>;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    readStdin: (maxBytes) => readCapped(process.stdin, maxBytes),
  };
}

/** The largest input read: a saved response or event is far smaller; the client's body cap is the same. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * A file named on the command line (`-` for stdin), as text. An unreadable one, or one past
 * MAX_INPUT_BYTES (an endless /dev/zero, a wrong file), is a usage error naming it; reading stops there.
 */
export async function readInput(io: Io, file: string): Promise<string> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin(MAX_INPUT_BYTES) : await readCapped(createReadStream(resolve(io.cwd, file)), MAX_INPUT_BYTES);
  } catch (err) {
    throw usageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (Buffer.byteLength(text) > MAX_INPUT_BYTES)
    throw usageError(`${file === '-' ? 'stdin' : file} is larger than 16 MiB: give the saved response or event itself`);
  return text;
}

/** The stream as text, stopping (and closing it) once it holds more than `maxBytes`; the result is then longer than `maxBytes`. */
async function readCapped(stream: AsyncIterable<unknown> & { destroy?(): void }, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(bytes);
    size += bytes.length;
    if (size > maxBytes) {
      stream.destroy?.();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
