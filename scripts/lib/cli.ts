/** What every pipeline entry point shares: one place that turns failures into a message and an exit code. */
import { formatProblems, SpecInvalidError } from '../../contract-tests/spec/spec-file.js';

/** A failure whose message is the whole story: printed as is, no stack trace. */
export class ScriptError extends Error {
  override name = 'ScriptError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof SpecInvalidError) {
      console.error(formatProblems(err.file, err.problems));
    } else if (err instanceof ScriptError) {
      console.error(err.message);
    } else {
      // An unexpected failure is a bug in the pipeline: keep the stack for the report.
      console.error(err);
    }
    // A spec that is refused exits 2 in every pipeline command, as spec:update's spec errors do.
    process.exitCode = err instanceof ScriptError ? err.exitCode : err instanceof SpecInvalidError ? 2 : 1;
  }
}
