/**
 * The `x-fngs-signature` scheme: `sha256_` + hex HMAC-SHA256 of the raw body, keyed with the
 * webhook's secret. Parsing says exactly what is wrong with a header; comparison is constant-time.
 */
import { nodeCrypto } from '../builtins.js';
import { WebhookSignatureError } from './errors.js';

export const WEBHOOK_SIGNATURE_HEADER = 'x-fngs-signature';
const PREFIX = 'sha256_';
const DIGEST_HEX_LENGTH = 64;
/** Far longer than any valid header; a longer one is rejected without being looked at further. */
const MAX_HEADER_LENGTH = 512;

/** What node:http, fetch's Headers and frameworks hand over for one header. */
export type SignatureHeader = string | readonly string[] | null | undefined;

// Uint8Array in the signatures: the package's types must compile without @types/node.
function digest(body: string | Uint8Array, secret: string): Buffer {
  return nodeCrypto().createHmac('sha256', secret).update(body).digest();
}

/** The `x-fngs-signature` value for `body`, as Fungies sends it (for tests and test deliveries). */
export function signWebhook(body: string | Uint8Array, secret: string): string {
  return PREFIX + digest(body, secret).toString('hex');
}

/** The 32 digest bytes a header carries, or a WebhookSignatureError saying what is wrong with it. */
export function parseSignatureHeader(header: SignatureHeader): Uint8Array {
  let value: string | undefined;
  if (typeof header === 'string' || header === null || header === undefined) {
    value = header ?? undefined;
  } else {
    if (header.length > 1) {
      throw new WebhookSignatureError(
        'malformed-header',
        `the ${WEBHOOK_SIGNATURE_HEADER} header was sent ${header.length} times; a delivery carries exactly one`,
      );
    }
    value = header[0];
  }
  value = value?.trim();
  if (!value) {
    throw new WebhookSignatureError(
      'missing-header',
      `no ${WEBHOOK_SIGNATURE_HEADER} header: the request is not signed (give the webhook a secret in the dashboard, and pass the header's value as \`signature\`)`,
    );
  }
  if (value.length > MAX_HEADER_LENGTH || !/^[\x21-\x7e]+$/.test(value) || value.includes(',')) {
    throw new WebhookSignatureError(
      'malformed-header',
      `the ${WEBHOOK_SIGNATURE_HEADER} header is malformed: expected one "${PREFIX}<64 hex digits>" value, without spaces or lists`,
    );
  }
  if (!value.startsWith(PREFIX)) {
    throw new WebhookSignatureError('wrong-prefix', wrongPrefixMessage(value));
  }
  const hex = value.slice(PREFIX.length);
  if (!/^[0-9a-fA-F]*$/.test(hex)) {
    throw new WebhookSignatureError(
      'bad-hex',
      `the ${WEBHOOK_SIGNATURE_HEADER} digest after "${PREFIX}" is not hexadecimal (Fungies sends a hex HMAC-SHA256, not base64)`,
    );
  }
  if (hex.length !== DIGEST_HEX_LENGTH) {
    throw new WebhookSignatureError(
      'wrong-length',
      `the ${WEBHOOK_SIGNATURE_HEADER} digest has ${hex.length} hex digits, expected ${DIGEST_HEX_LENGTH} (an HMAC-SHA256); the header may have been cut or padded`,
    );
  }
  return Buffer.from(hex, 'hex');
}

function wrongPrefixMessage(value: string): string {
  const expected = `expected "${PREFIX}<64 hex digits>"`;
  if (value.startsWith('sha256='))
    return `the ${WEBHOOK_SIGNATURE_HEADER} header starts with "sha256=" but Fungies writes "${PREFIX}" (underscore): ${expected}`;
  if (/^[0-9a-fA-F]+$/.test(value)) return `the ${WEBHOOK_SIGNATURE_HEADER} header has no "${PREFIX}" prefix: ${expected}`;
  // Only a short, prefix-shaped head is echoed: enough to recognise the scheme, never a digest.
  const head = /^[A-Za-z0-9-]{1,12}[_=:]/.exec(value)?.[0];
  return `the ${WEBHOOK_SIGNATURE_HEADER} header ${head ? `starts with "${head}"` : 'has an unknown prefix'}: ${expected}`;
}

/** Whether `received` is the digest of `body` under `secret`, compared in constant time. */
export function digestMatches(body: string | Uint8Array, secret: string, received: Uint8Array): boolean {
  const expected = digest(body, secret);
  return expected.length === received.length && nodeCrypto().timingSafeEqual(expected, received);
}
