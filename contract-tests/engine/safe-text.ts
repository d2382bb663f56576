/**
 * Text from a server is shown, never obeyed: control characters, escape sequences, bidi overrides
 * and lone surrogates become visible `\uXXXX` escapes before they reach a terminal, a JSON or a
 * JUnit file, and the run's keys are masked wherever they appear, even glued to other text.
 */
import { maskKey, replaceSecrets } from '../../src/redact.js';

const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's purpose.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const toEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every character a terminal or an XML parser could act on written as `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(UNSAFE, toEscape);
}

/**
 * `text` as one printable line: also no newline or carriage return (a server's text cannot start a
 * line of its own), and no leading `::` (what a CI log reads as a workflow command).
 */
export function oneLine(text: string): string {
  return printable(text)
    .replace(/\r/g, '\\u000d')
    .replace(/\n/g, '\\u000a')
    .replace(/^(\s*)::/, '$1\\u003a:');
}

/** Any character printable() or oneLine() rewrites (a superset of UNSAFE, with `\r` and `\n`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's purpose.
const MAYBE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]|^\s*::/;

/**
 * A deep copy of `value` with every string made one printable line, key-free. A run's report holds
 * thousands of strings and nearly all are clean: those are kept as they are after one test each.
 */
export function sanitize<T>(value: T, keys: readonly (string | undefined)[]): T {
  // The forms replaceSecrets() looks for: a string holding none of them comes out of it unchanged.
  const forms = [...new Set(keys.flatMap((k) => (k ? [k, encodeURIComponent(k)] : [])))];
  const names = new Map<string, string>();
  const text = (s: string): string => {
    // Masked rather than [redacted]: a report reader needs to see which of the two keys was echoed.
    const keyFree = forms.some((f) => s.includes(f)) ? replaceSecrets(s, keys, maskKey) : s;
    return MAYBE_UNSAFE.test(keyFree) ? oneLine(keyFree) : keyFree;
  };
  const name = (k: string): string => {
    let safe = names.get(k);
    if (safe === undefined) {
      safe = oneLine(k);
      names.set(k, safe);
    }
    return safe;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    // Built in place rather than through entries arrays (a report has thousands of objects); defined, not
    // assigned, so a key named __proto__ stays a key as Object.fromEntries kept it.
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const safe = name(k);
      const x = walk((v as Record<string, unknown>)[k]);
      if (safe === '__proto__') Object.defineProperty(out, safe, { value: x, enumerable: true, writable: true, configurable: true });
      else out[safe] = x;
    }
    return out;
  };
  return walk(value) as T;
}
