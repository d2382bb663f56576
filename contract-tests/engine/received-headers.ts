/**
 * A recorded response's headers, read by name as WHATWG `Headers.get` reads them, from the pairs
 * node received. No `Headers` is built per response: building one validated every pair again and
 * cost more than the checks read (a few names per response); the client gets one only if it reads
 * the whole set (an error it builds, a redirect).
 */

/** HTTP whitespace at either end, as `Headers` strips it from a value. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

export class ReceivedHeaders {
  readonly #raw: readonly string[];
  #headers: Headers | undefined;

  /** `raw`: name, value, name, value… as node received them. */
  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  /** The value of `name` (any case); a header sent more than once is its values joined with `, `; null when absent. */
  get(name: string): string | null {
    const wanted = name.toLowerCase();
    const raw = this.#raw;
    let found: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i]!;
      if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
      const value = raw[i + 1]!.replace(EDGE_WHITESPACE, '');
      found = found === null ? value : `${found}, ${value}`;
    }
    return found;
  }

  /** The same pairs as a WHATWG Headers, built on first use. */
  toHeaders(): Headers {
    if (!this.#headers) {
      const headers = new Headers();
      const raw = this.#raw;
      for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
      this.#headers = headers;
    }
    return this.#headers;
  }
}
