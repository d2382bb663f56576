/** Keeps API keys out of anything that may be logged: messages, bodies, headers, validation details. */

const REDACTED = '[redacted]';
const UNSHOWABLE = '[body could not be shown]';
/** Longest non-JSON body text kept on an error. */
const MAX_BODY_TEXT = 64 * 1024;
const KEY_PREFIX = /(?:pub|sec)_/g;
/** Shortest tail after `pub_`/`sec_` treated as a key of unknown value. */
const MIN_KEY_TAIL = 4;

/**
 * Replaces every occurrence of the given secrets, then anything shaped like a Fungies key (a
 * `pub_`/`sec_` prefix and its run of key characters), in `text`. Both passes are linear and
 * use no backtracking regex: a server may echo a key glued to other text (`Zsec_…`, `…sec_x.`)
 * inside a body of many megabytes.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  return redactKeyShapes(replaceSecrets(text, secrets, () => REDACTED));
}

/**
 * Every occurrence of each secret, as given or URL-encoded (in a query string or a curl line),
 * replaced by `replacement(secret)`: `[redacted]` in the library's errors, a `pub_****` mask in
 * the contract suite's reports.
 */
export function replaceSecrets(text: string, secrets: readonly (string | undefined)[], replacement: (secret: string) => string): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    if (out.includes(secret)) out = out.split(secret).join(replacement(secret));
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(replacement(secret));
  }
  return out;
}

/** Key-shaped runs, for keys this client was not given (e.g. another merchant's, echoed back). */
function redactKeyShapes(text: string): string {
  if (!text.includes('pub_') && !text.includes('sec_')) return text;
  let out = '';
  let copied = 0;
  KEY_PREFIX.lastIndex = 0;
  for (let match = KEY_PREFIX.exec(text); match !== null; match = KEY_PREFIX.exec(text)) {
    const tailStart = match.index + match[0].length;
    let end = tailStart;
    while (end < text.length && isKeyChar(text.charCodeAt(end))) end++;
    if (end - tailStart < MIN_KEY_TAIL) continue;
    out += text.slice(copied, tailStart) + REDACTED;
    copied = end;
    KEY_PREFIX.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isKeyChar(code: number): boolean {
  // A-Z a-z 0-9 _ -
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/**
 * The start of `text`, keys removed, whitespace collapsed, at most `max` characters: the one way
 * any text reaches a message. Only a window a little longer than the excerpt is redacted, so a
 * huge body costs no more than a short one; the window reaches past the cut by the longest secret
 * so a key is never shown in part. Never throws: it runs on error paths.
 */
export function redactExcerpt(text: string, secrets: readonly (string | undefined)[] = [], max = 200): string {
  try {
    const longest = Math.max(64, ...secrets.map((s) => s?.length ?? 0));
    const limit = max * 4 + longest;
    const window = text.length > limit ? text.slice(0, limit) : text;
    const flat = printable(redact(window, secrets).replace(/\s+/g, ' ').trim());
    return flat.length > max || window.length < text.length ? `${flat.slice(0, max)}…` : flat;
  } catch {
    return UNSHOWABLE;
  }
}

// C0 and C1 controls, DEL and the bidirectional overrides: what lets a server move a terminal's
// cursor, colour or clear it, start a forged log line, or show text in another order than it is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what is replaced.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each control or bidi character written as its `\uXXXX` escape, so a message shows what was sent and does nothing else. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A body for an error object, keys removed: JSON through its text when there is one, long text shortened. */
export function redactBody(body: unknown, secrets: readonly (string | undefined)[], text?: string): unknown {
  if (body === undefined) return undefined;
  try {
    if (typeof body === 'string') return redact(body.length > MAX_BODY_TEXT ? `${body.slice(0, MAX_BODY_TEXT)}…` : body, secrets);
    return JSON.parse(redact(text ?? JSON.stringify(body), secrets)) as unknown;
  } catch {
    return UNSHOWABLE;
  }
}

/**
 * A copy of a JSON-like value with keys removed from every string and property name. Walks with
 * an explicit stack, so a body nested thousands of levels deep cannot overflow the call stack.
 */
export function redactValue<T>(value: T, secrets: readonly (string | undefined)[] = []): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copies = new Map<object, Record<string, unknown>>();
  const copyOf = (source: object): Record<string, unknown> => {
    let copy = copies.get(source);
    if (copy === undefined) {
      copy = (Array.isArray(source) ? [] : {}) as Record<string, unknown>;
      copies.set(source, copy);
      pending.push(source);
    }
    return copy;
  };
  const pending: object[] = [];
  const root = copyOf(value);
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    const target = copies.get(source)!;
    const isArray = Array.isArray(source);
    for (const [name, item] of Object.entries(source)) {
      const key = isArray ? name : redact(name, secrets);
      const copy = typeof item === 'string' ? redact(item, secrets) : typeof item === 'object' && item !== null ? copyOf(item) : item;
      // Own "__proto__" keys come from JSON.parse; plain assignment would set the prototype instead.
      Object.defineProperty(target, key, { value: copy, enumerable: true, writable: true, configurable: true });
    }
  }
  return root as T;
}

/** A copy of `headers` with keys removed from values; a header whose name carries a key is dropped. */
export function redactHeaders(headers: Headers, secrets: readonly (string | undefined)[] = []): Headers {
  const out = new Headers();
  for (const [name, value] of headers) {
    if (redact(name, secrets) !== name) continue;
    out.append(name, redact(value, secrets));
  }
  return out;
}

/** Masks a key for display: the prefix stays so a reader can tell which key it was. */
export function maskKey(key: string): string {
  const prefix = /^(pub|sec)_/.exec(key)?.[0] ?? '';
  return `${prefix}****`;
}
