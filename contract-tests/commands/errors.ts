/** The one way a command stops: throw ExitError(code, message); only the bin entry sets the exit code. */

export const EXIT = { pass: 0, failures: 1, usage: 2 } as const;

export class ExitError extends Error {
  override name = 'ExitError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A bad flag, a missing key, an unreachable target, an unknown operation: one line, exit 2. */
export const usageError = (message: string) => new ExitError(EXIT.usage, message);
