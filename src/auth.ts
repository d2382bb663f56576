/** Puts on each request exactly the key headers its operation's `security` asks for. */
import { FungiesConfigError } from './errors.js';
import type { OperationMeta } from './operation-meta.js';

export const PUBLIC_KEY_HEADER = 'x-fngs-public-key';
export const SECRET_KEY_HEADER = 'x-fngs-secret-key';

/** Each key header and the option that carries its key: the client owns these headers. */
export const KEY_HEADER_OPTIONS: Readonly<Record<string, 'publicKey' | 'secretKey'>> = {
  [PUBLIC_KEY_HEADER]: 'publicKey',
  [SECRET_KEY_HEADER]: 'secretKey',
};

export interface Keys {
  publicKey: string;
  secretKey: string | undefined;
  /** The factory the caller used, named in the message of a write without the secret key. */
  factory: string;
}

/**
 * Sets the key headers on `headers`. The public key goes on every request (the API documents it
 * as required everywhere); the secret key only where the spec requires it, so a read never
 * carries write credentials.
 */
export function applyAuth(headers: Headers, operation: OperationMeta | undefined, keys: Keys): void {
  headers.set(PUBLIC_KEY_HEADER, keys.publicKey);
  headers.delete(SECRET_KEY_HEADER);
  const secret = secretKeyFor(operation, keys);
  if (secret !== undefined) headers.set(SECRET_KEY_HEADER, secret);
}

/** The same rule on a record of lower-case header names. */
export function applyAuthToRecord(headers: Record<string, string>, operation: OperationMeta | undefined, keys: Keys): void {
  headers[PUBLIC_KEY_HEADER] = keys.publicKey;
  delete headers[SECRET_KEY_HEADER];
  const secret = secretKeyFor(operation, keys);
  if (secret !== undefined) headers[SECRET_KEY_HEADER] = secret;
}

/** The secret key when the operation requires it (throws when the client has none), else undefined. */
function secretKeyFor(operation: OperationMeta | undefined, keys: Keys): string | undefined {
  if (!operation?.authHeaders.includes(SECRET_KEY_HEADER)) return undefined;
  if (!keys.secretKey) {
    throw new FungiesConfigError(
      'secretKey',
      `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}) requires the secret key: ` +
        `pass ${keys.factory}({ publicKey, secretKey: process.env.FUNGIES_SECRET_KEY })`,
    );
  }
  return keys.secretKey;
}
