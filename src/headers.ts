/**
 * Which headers the client can send: a name that is an HTTP token, a value without CR, LF or NUL.
 * Checked before a request is built, so a header injection (`a\r\nx-evil: 1`) or a typo in a name
 * ends in a FungiesConfigError naming the header rather than a TypeError from deep in fetch.
 */
import { FungiesConfigError } from './errors.js';

// RFC 9110 token characters.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these three characters are what the check is for.
const FORBIDDEN_IN_VALUE = /[\r\n\u0000]/;

/** Throws for the first header that cannot be sent; `option` is how the caller passed them (`headers`, `params.header`). */
export function checkHeaders(headers: unknown, option: string): void {
  if (headers === undefined || headers === null || headers instanceof Headers) return;
  if (typeof headers !== 'object' || Array.isArray(headers)) {
    throw new FungiesConfigError(option, `${option} must be an object of header names to values, e.g. { 'x-trace-id': 'abc' }`);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) {
      throw new FungiesConfigError(option, `${option}.${name} is not a valid header name: use letters, digits and - (no spaces or colons)`);
    }
    for (const one of Array.isArray(value) ? value : [value]) {
      if (typeof one === 'string' && FORBIDDEN_IN_VALUE.test(one)) {
        throw new FungiesConfigError(
          option,
          `${option}.${name} contains a line break or NUL, which would split or end the header; send it on one line`,
        );
      }
    }
  }
}
