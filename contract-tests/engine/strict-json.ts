/**
 * Reading JSON text from the wire: JSON.parse without the throw, and what JSON.parse hides — a key
 * written twice in one object (the last silently wins) and numbers that lose digits as doubles (an
 * int64 beyond ±2^53). One scan of the raw text finds both, so a finding can name the duplicate
 * and show a number as it was on the wire.
 */
import { escapePointerToken } from '../../src/json-pointer.js';

/** The value of a JSON text, or the parser's message when it is not JSON (a value is never undefined: JSON has none). */
export function parseJson(text: string): { value: unknown; error?: undefined } | { value?: undefined; error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

export interface JsonScan {
  /** JSON pointers of keys that appear more than once in their object. */
  duplicateKeys: string[];
  /** Pointer → the literal as sent, for numbers that JSON.parse cannot hold exactly. */
  rawNumbers: Map<string, string>;
}

/**
 * Scans text that JSON.parse has already accepted; returns nothing useful for invalid JSON.
 * `parsed`, the value JSON.parse made of `text`, lets most bodies skip the scan: text that is
 * exactly what JSON.stringify writes for its value holds no key twice (stringify writes each
 * once) and no number that parsed to another (stringify writes each as parsed), and with no run
 * of 16 digits no integer beyond ±2^53 either. Compact JSON from a server usually is that text.
 */
export function scanJson(text: string, parsed?: unknown): JsonScan {
  const scan: JsonScan = { duplicateKeys: [], rawNumbers: new Map() };
  if (parsed !== undefined && !LONG_DIGITS.test(text) && JSON.stringify(parsed) === text) return scan;
  const end = text.length;
  let i = 0;
  // The keys and indexes down to the current value: its pointer is written only for a finding.
  const path: (string | number)[] = [];
  const pointer = () => {
    let out = '';
    for (const token of path) out += `/${typeof token === 'number' ? token : escapePointerToken(token)}`;
    return out;
  };
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  /** Skips a string; returns its value only when `key` (an escape-free key is its text as written). */
  const string = (key: boolean): string => {
    const start = i;
    let escaped = false;
    i++;
    for (let c = text.charCodeAt(i); i < end && c !== 34; c = text.charCodeAt(i)) {
      if (c === 92) {
        escaped = true;
        i += 2;
      } else i++;
    }
    i++;
    if (!key) return '';
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  const value = (depth: number): void => {
    if (depth > 256) throw new RangeError('nesting too deep');
    ws();
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      const seen = new Set<string>();
      ws();
      if (text.charCodeAt(i) === 125) return void i++;
      for (;;) {
        ws();
        const key = string(true);
        path.push(key);
        if (seen.has(key)) scan.duplicateKeys.push(pointer());
        seen.add(key);
        ws();
        i++; // ':'
        value(depth + 1);
        path.pop();
        ws();
        if (text.charCodeAt(i++) === 125) return;
      }
    }
    if (c === 91) {
      i++;
      ws();
      if (text.charCodeAt(i) === 93) return void i++;
      for (let n = 0; ; n++) {
        path.push(n);
        value(depth + 1);
        path.pop();
        ws();
        if (text.charCodeAt(i++) === 93) return;
      }
    }
    if (c === 34) return void string(false);
    const start = i;
    for (let d = text.charCodeAt(i); i < end && !isLiteralEnd(d); d = text.charCodeAt(++i));
    // In JSON text only an integer can lose digits, and only one of 16 characters or more: nothing shorter is beyond ±2^53.
    if (i - start < 16) return;
    const literal = text.slice(start, i);
    if (!/^-?\d/.test(literal)) return;
    const n = Number(literal);
    if (/^-?\d+$/.test(literal) ? !Number.isSafeInteger(n) : String(n) !== literal && !/[eE.]/.test(literal))
      scan.rawNumbers.set(pointer(), literal);
  };
  try {
    value(0);
  } catch {
    // Invalid or absurdly nested JSON: JSON.parse reports the former; the latter is not scanned further.
  }
  return scan;
}

/** 16 digits in a row: where an integer may be beyond ±2^53 (or just a long string of digits). */
const LONG_DIGITS = /\d{16}/;

/** `,` `]` `}` or JSON whitespace: where a literal (number, true, false, null) ends. */
const isLiteralEnd = (c: number): boolean => c === 44 || c === 93 || c === 125 || c === 32 || c === 9 || c === 10 || c === 13;
