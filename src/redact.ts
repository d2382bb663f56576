/** Keeps API keys out of anything that may be logged: messages, bodies, headers. */

const REDACTED = '[redacted]';
/** Anything shaped like a Fungies key, even one this client was not given. */
const KEY_SHAPE = /\b(pub|sec)_[A-Za-z0-9_-]{4,}/g;

/** Replaces the given secrets, and anything shaped like a Fungies key, in `text`. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(REDACTED);
  return out.replace(KEY_SHAPE, (_m, kind: string) => `${kind}_${REDACTED}`);
}

/** Masks a key for display: the prefix stays so a reader can tell which key it was. */
export function maskKey(key: string): string {
  const prefix = /^(pub|sec)_/.exec(key)?.[0] ?? '';
  return `${prefix}****`;
}

/** Shortens text to `max` characters for an error message. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
