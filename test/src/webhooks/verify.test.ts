// verifyWebhook: fixtures are signed here with node:crypto, then every way a delivery can be wrong is tried.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  FungiesConfigError,
  FungiesError,
  verifyWebhook,
  type WebhookEvent,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookValidationError,
} from '../../../src/index.js';

const SECRET = 'whsec-test-Xq81vLmP02';
const BODY = readFileSync('openapi/docs-examples/webhooks/payment_refunded.docs-example.json', 'utf8');
const hex = (body: string | Uint8Array, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');
const sign = (body: string | Uint8Array, secret = SECRET) => `sha256_${hex(body, secret)}`;
const GOOD = sign(BODY);

/** The error verifyWebhook throws, checked to leak neither the secret nor the expected signature. */
function failure(options: Parameters<typeof verifyWebhook>[0]): FungiesError {
  let caught: unknown;
  try {
    verifyWebhook(options);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(FungiesError);
  const err = caught as FungiesError;
  const raw = typeof options.body === 'string' || options.body instanceof Uint8Array;
  const expectedHex = raw && options.secret ? hex(options.body, options.secret) : 'no-expected-signature';
  for (const text of [err.message, String(err.stack), inspect(err, { depth: 5 }), JSON.stringify(err)]) {
    expect(text).not.toContain(options.secret || '\u0000');
    expect(text).not.toContain(expectedHex);
    expect(text).not.toContain(expectedHex.slice(0, 16));
  }
  return err;
}

describe('verifyWebhook accepts', () => {
  it('a signed event given as the raw string, and returns it parsed', () => {
    const event = verifyWebhook({ body: BODY, signature: GOOD, secret: SECRET });
    expect(event).toEqual(JSON.parse(BODY));
    expect(event.type).toBe('payment_refunded');
  });

  it('the raw bytes (a Buffer or a Uint8Array), as node:http and fetch give them', () => {
    const bytes = Buffer.from(BODY, 'utf8');
    expect(verifyWebhook({ body: bytes, signature: GOOD, secret: SECRET }).id).toBe('5e65daf0-8253-4ffb-ab54-8645465aac75');
    expect(verifyWebhook({ body: new Uint8Array(bytes), signature: GOOD, secret: SECRET }).type).toBe('payment_refunded');
  });

  it('upper-case hex, surrounding whitespace and a header node gave as a one-element array', () => {
    expect(verifyWebhook({ body: BODY, signature: `sha256_${hex(BODY).toUpperCase()}`, secret: SECRET }).type).toBe('payment_refunded');
    expect(verifyWebhook({ body: BODY, signature: ` ${GOOD} `, secret: SECRET }).type).toBe('payment_refunded');
    expect(verifyWebhook({ body: BODY, signature: [GOOD], secret: SECRET }).type).toBe('payment_refunded');
  });

  it('non-ASCII bodies: the signature is over the UTF-8 bytes', () => {
    const body = JSON.stringify({ ...JSON.parse(BODY), data: { ...JSON.parse(BODY).data, items: [{ name: 'Épée légendaire ⚔️' }] } });
    expect(verifyWebhook({ body: Buffer.from(body), signature: sign(Buffer.from(body)), secret: SECRET }).type).toBe('payment_refunded');
  });

  it('an event type the spec does not list yet (the vendor may add types at any time)', () => {
    const body = JSON.stringify({ id: 'e1', type: 'payout_sent', idempotencyKey: 'k1', testMode: false, data: {} });
    const event: WebhookEvent = verifyWebhook({ body, signature: sign(body), secret: SECRET, validate: true });
    expect(event.type).toBe('payout_sent');
  });
});

describe('verifyWebhook rejects the signature header', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['missing', undefined, 'missing-header', /no x-fngs-signature header/],
    ['empty', '', 'missing-header', /no x-fngs-signature header/],
    ['sent twice', [GOOD, GOOD], 'malformed-header', /sent 2 times/],
    ['with a space inside', `sha256_ ${hex(BODY)}`, 'malformed-header', /malformed/],
    ['two signatures, comma-separated', `${GOOD},${GOOD}`, 'malformed-header', /malformed/],
    ['in GitHub style (sha256=)', `sha256=${hex(BODY)}`, 'wrong-prefix', /"sha256="[\s\S]*sha256_/],
    ['without a prefix', hex(BODY), 'wrong-prefix', /no "sha256_" prefix/],
    ['with another algorithm', `sha512_${hex(BODY)}`, 'wrong-prefix', /"sha512_"/],
    ['with a non-hex digest', `sha256_${'z'.repeat(64)}`, 'bad-hex', /not hexadecimal/],
    ['with a base64 digest', `sha256_${createHmac('sha256', SECRET).update(BODY).digest('base64')}`, 'bad-hex', /not hexadecimal/],
    ['with a short digest', `sha256_${hex(BODY).slice(0, 40)}`, 'wrong-length', /40 hex digits, expected 64/],
    ['with a long digest', `sha256_${hex(BODY)}00`, 'wrong-length', /66 hex digits, expected 64/],
    ['absurdly long', `sha256_${'a'.repeat(100_000)}`, 'malformed-header', /malformed/],
  ];
  for (const [name, signature, reason, message] of cases) {
    it(name, () => {
      const err = failure({ body: BODY, signature: signature as string, secret: SECRET });
      expect(err).toBeInstanceOf(WebhookSignatureError);
      expect((err as WebhookSignatureError).reason).toBe(reason);
      expect(err.message).toMatch(message);
    });
  }
});

describe('verifyWebhook rejects a signature that does not match', () => {
  it('a one-byte change to the body', () => {
    const tampered = BODY.replace('"fee": 0', '"fee": 1');
    expect(tampered).not.toBe(BODY);
    const err = failure({ body: tampered, signature: GOOD, secret: SECRET });
    expect(err).toBeInstanceOf(WebhookSignatureError);
    expect((err as WebhookSignatureError).reason).toBe('mismatch');
    expect(err.message).toMatch(/does not match/);
  });

  it('the wrong secret, saying to check which webhook the secret belongs to', () => {
    const err = failure({ body: BODY, signature: GOOD, secret: 'another-webhooks-secret' });
    expect((err as WebhookSignatureError).reason).toBe('mismatch');
    expect(err.message).toMatch(/secret/);
  });

  it('an API secret key given instead of the webhook secret, saying so', () => {
    const err = failure({ body: BODY, signature: GOOD, secret: 'sec_LiveApiKey0123456789' });
    expect((err as WebhookSignatureError).reason).toBe('mismatch');
    expect(err.message).toMatch(/looks like an API secret key \(sec_…\)/);
  });

  it('a body that was parsed and re-serialised, saying to pass the raw body', () => {
    const reserialised = JSON.stringify(JSON.parse(BODY));
    const err = failure({ body: reserialised, signature: GOOD, secret: SECRET });
    expect((err as WebhookSignatureError).reason).toBe('mismatch');
    expect(err.message).toMatch(/raw request body/);
  });

  it('an already-parsed object, before any signature work', () => {
    const err = failure({ body: JSON.parse(BODY) as never, signature: GOOD, secret: SECRET });
    expect(err).toBeInstanceOf(WebhookPayloadError);
    expect((err as WebhookPayloadError).reason).toBe('not-raw');
    expect(err.message).toMatch(/already parsed[\s\S]*raw/);
  });
});

describe('verifyWebhook, with a valid signature', () => {
  it('rejects a body that is not JSON with an error of its own', () => {
    const body = 'hello, not json';
    const err = failure({ body, signature: sign(body), secret: SECRET });
    expect(err).toBeInstanceOf(WebhookPayloadError);
    expect((err as WebhookPayloadError).reason).toBe('not-json');
    expect(err.message).toMatch(/signature is valid but the body is not JSON/);
  });

  it('rejects bytes that are not UTF-8 as not JSON', () => {
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const err = failure({ body, signature: sign(body), secret: SECRET });
    expect((err as WebhookPayloadError).reason).toBe('not-json');
  });

  it('rejects JSON that is not an event (no string type)', () => {
    for (const body of ['[1,2]', '{"id":"x"}', 'null', '{"type":3}']) {
      const err = failure({ body, signature: sign(body), secret: SECRET });
      expect((err as WebhookPayloadError).reason, body).toBe('not-an-event');
    }
  });

  it('checks the payload against the spec only when asked (validate: true), naming the field', () => {
    const bad = BODY.replace('"fee": 0', '"fee": "0"');
    expect(verifyWebhook({ body: bad, signature: sign(bad), secret: SECRET }).type).toBe('payment_refunded');
    const err = failure({ body: bad, signature: sign(bad), secret: SECRET, validate: true });
    expect(err).toBeInstanceOf(WebhookValidationError);
    expect((err as WebhookValidationError).eventType).toBe('payment_refunded');
    expect(err.message).toMatch(/\/data\/order\/fee must be integer/);
    expect(new Set((err as WebhookValidationError).errors.map((e) => e.instancePath))).toEqual(new Set(['/data/order/fee']));
  });
});

describe('verifyWebhook configuration', () => {
  it('refuses an empty secret, naming the option', () => {
    const err = failure({ body: BODY, signature: GOOD, secret: '' });
    expect(err).toBeInstanceOf(FungiesConfigError);
    expect((err as FungiesConfigError).option).toBe('secret');
  });
});
