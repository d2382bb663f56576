/**
 * Which headers the client can send: a name that is an HTTP token and not one that frames or
 * routes the message, a value of visible ASCII, tabs, spaces and Latin-1 text. Checked before a
 * request is built, so a header injection (`a\r\nx-evil: 1`), a `€` or a typo in a name ends in a
 * FungiesConfigError naming the header rather than a TypeError from deep in fetch (or a
 * connection error that would be retried).
 */
import { FungiesConfigError } from './errors.js';
import { hasObjectPrototype } from './plain-object.js';

// RFC 9110 token characters.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the check is for.
const LINE_BREAK_OR_NUL = /[\r\n\u0000]/;
// RFC 9110 field-value: HTAB, SP, VCHAR and obs-text (0x80-0xff); anything else cannot be put on the wire.
const NOT_SENDABLE = /[^\t\u0020-\u007e\u0080-\u00ff]/;
/** Set by the transport from the URL and the body; one from a caller would route or frame the message differently (request smuggling). */
const TRANSPORT_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

/** True for a WHATWG Headers; a record (the usual case) is told apart without reading the global Headers. */
export function isHeadersObject(value: object): value is Headers {
  return !hasObjectPrototype(value) && value instanceof Headers;
}

/** Throws for the first header that cannot be sent; `option` is how the caller passed them (`headers`, `params.header`). */
export function checkHeaders(headers: unknown, option: string): void {
  if (headers === undefined || headers === null || (typeof headers === 'object' && isHeadersObject(headers))) return;
  if (typeof headers !== 'object' || Array.isArray(headers)) {
    throw new FungiesConfigError(option, `${option} must be an object of header names to values, e.g. { 'x-trace-id': 'abc' }`);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) {
      throw new FungiesConfigError(option, `${option}.${name} is not a valid header name: use letters, digits and - (no spaces or colons)`);
    }
    if (TRANSPORT_HEADERS.has(name.toLowerCase())) {
      throw new FungiesConfigError(
        option,
        `${option}.${name} is set by the client from the URL and the body; remove it (a caller's value would route or frame the request differently)`,
      );
    }
    for (const one of Array.isArray(value) ? value : [value]) {
      // openapi-fetch and the direct path both send String(value), whatever the value is.
      const text = String(one);
      if (LINE_BREAK_OR_NUL.test(text)) {
        throw new FungiesConfigError(
          option,
          `${option}.${name} contains a line break or NUL, which would split or end the header; send it on one line`,
        );
      }
      if (NOT_SENDABLE.test(text)) {
        throw new FungiesConfigError(
          option,
          `${option}.${name} contains a control character or a character outside Latin-1, which a header cannot carry; encode it (e.g. encodeURIComponent)`,
        );
      }
    }
  }
}
