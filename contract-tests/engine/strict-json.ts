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

/** Scans text that JSON.parse has already accepted; returns nothing useful for invalid JSON. */
export function scanJson(text: string): JsonScan {
  const scan: JsonScan = { duplicateKeys: [], rawNumbers: new Map() };
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, depth: number): void => {
    if (depth > 256) throw new RangeError('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        const key = string();
        const child = `${pointer}/${escapePointerToken(key)}`;
        if (seen.has(key)) scan.duplicateKeys.push(child);
        seen.add(key);
        ws();
        i++; // ':'
        value(child, depth + 1);
        ws();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(`${pointer}/${n}`, depth + 1);
        ws();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') return void string();
    const start = i;
    while (i < text.length && !',]} \t\n\r'.includes(text[i]!)) i++;
    const literal = text.slice(start, i);
    if (/^-?\d/.test(literal)) {
      const n = Number(literal);
      if (/^-?\d+$/.test(literal) ? !Number.isSafeInteger(n) : String(n) !== literal && !/[eE.]/.test(literal))
        scan.rawNumbers.set(pointer, literal);
    }
  };
  try {
    value('', 0);
  } catch {
    // Invalid or absurdly nested JSON: JSON.parse reports the former; the latter is not scanned further.
  }
  return scan;
}
