/** How spec:update fails: one exit code and one message shape for usage, spec and network failures. */
import { ScriptError } from '../cli.js';

/** Usage, spec and network failures all exit 2; 1 is kept for "breaking changes found". */
export const EXIT_UPDATE_FAILED = 2;

/** The error that ends spec:update with `message` (marked ✘) and EXIT_UPDATE_FAILED. */
export function updateFailed(message: string): ScriptError {
  return new ScriptError(`✘ ${message}`, EXIT_UPDATE_FAILED);
}
