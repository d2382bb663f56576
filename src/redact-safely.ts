/**
 * Redaction for bodies of any size or shape: a body too large or too deep for a whole-body pass
 * (the key pattern can overflow the regexp stack on megabytes of key-like text) is cut or
 * replaced, never allowed to throw out of an error path.
 */
import { excerpt, redact } from './redact.js';

/** Longest non-JSON body text kept on an error. */
const MAX_TEXT = 64 * 1024;
const UNSHOWABLE = '[body could not be shown]';

/** The start of `text`, keys removed, for a message. Redacts more than it shows so a key cut at the edge is still caught. */
export function redactedExcerpt(text: string, secrets: readonly (string | undefined)[] = [], max = 200): string {
  try {
    return excerpt(redact(text.slice(0, max * 5), secrets), max);
  } catch {
    return UNSHOWABLE;
  }
}

/** A body for an error object, keys removed: JSON through its text when there is one, long text shortened. */
export function redactBody(body: unknown, secrets: readonly (string | undefined)[], text?: string): unknown {
  if (body === undefined) return undefined;
  try {
    if (typeof body === 'string') return redact(body.length > MAX_TEXT ? `${body.slice(0, MAX_TEXT)}…` : body, secrets);
    return JSON.parse(redact(text ?? JSON.stringify(body), secrets)) as unknown;
  } catch {
    return UNSHOWABLE;
  }
}
