/**
 * How the CLI process ends once a command has returned. Left to itself, node exits only after the
 * event loop empties (idle keep-alive sockets close) and then frees every object the run made,
 * which for a contract run's heap is tens of milliseconds of the fixed cost. process.exit() skips
 * that teardown, but writes to a pipe are asynchronous: stdout and stderr are flushed first, or a
 * reader that is slower than the run would lose the output's tail.
 */

type Flushable = { writableLength: number; write(chunk: string, done: (err?: Error | null) => void): boolean };

/** Resolves once what was written to the stream has been handed to the OS (or the stream failed: nothing more can reach it). */
export function flushed(stream: Flushable): Promise<void> {
  if (stream.writableLength === 0) return Promise.resolve();
  // A write's callback runs after every earlier write has completed.
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/** Exits with `code` once stdout and stderr are flushed. */
export async function exitFlushed(code: number, streams: Flushable[] = [process.stdout, process.stderr]): Promise<never> {
  process.exitCode = code;
  await Promise.all(streams.map(flushed));
  process.exit(code);
}
