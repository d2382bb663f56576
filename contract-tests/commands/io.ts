/** Where a command writes and reads: injectable so tests call commands directly. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageError } from './errors.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Reads stdin to the end (for `check … -`). */
  readStdin(): Promise<string>;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    async readStdin() {
      let text = '';
      for await (const chunk of process.stdin) text += String(chunk);
      return text;
    },
  };
}

/** A file named on the command line (`-` for stdin), as text; an unreadable one is a usage error naming it. */
export async function readInput(io: Io, file: string): Promise<string> {
  try {
    return file === '-' ? await io.readStdin() : await readFile(resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw usageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
