/** verifyWebhook: the one call a merchant's handler makes before trusting a Fungies delivery. */

import { FungiesConfigError } from '../errors.js';
import type { PrecompiledValidator } from '../validation/issue.js';
import { loadValidatorModule } from '../validation/load-validators.js';
import { WebhookPayloadError, WebhookSignatureError, WebhookValidationError } from './errors.js';
import { isWebhookEventType, type WebhookEvent } from './events.js';
import { digestMatches, parseSignatureHeader, type SignatureHeader, WEBHOOK_SIGNATURE_HEADER } from './signature.js';

export interface VerifyWebhookOptions {
  /** The raw request body exactly as received: a string, or the bytes (Buffer / Uint8Array). */
  body: string | Uint8Array;
  /** The `x-fngs-signature` header's value, e.g. `req.headers['x-fngs-signature']`. */
  signature: SignatureHeader;
  /** The secret set for this webhook in the dashboard (Developers → Webhooks). */
  secret: string;
  /** Also check the payload against the spec's schema for its type (throws WebhookValidationError). */
  validate?: boolean;
}

const MAX_ERRORS_SHOWN = 5;
const utf8 = new TextDecoder('utf-8', { fatal: true });

let webhookValidators: Record<string, PrecompiledValidator> | undefined;

/**
 * Checks the signature of a delivery and returns the parsed event, typed by its `type`.
 * Throws WebhookSignatureError (untrusted: answer 4xx), WebhookPayloadError (not a raw JSON event),
 * WebhookValidationError (with `validate: true`, a payload off-spec) or FungiesConfigError (no secret).
 */
export function verifyWebhook({ body, signature, secret, validate = false }: VerifyWebhookOptions): WebhookEvent {
  if (typeof secret !== 'string' || secret === '') {
    throw new FungiesConfigError(
      'secret',
      "verifyWebhook: `secret` is empty: pass the webhook's secret from the dashboard (Developers → Webhooks)",
    );
  }
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new WebhookPayloadError(
      'not-raw',
      `verifyWebhook: \`body\` is ${body === null ? 'null' : typeof body}, apparently already parsed: pass the raw request body (string or Buffer), ` +
        'read before any JSON parser (e.g. express.raw({ type: "application/json" })): a parsed and re-serialised body never matches the signature',
    );
  }
  const received = parseSignatureHeader(signature);
  if (!digestMatches(body, secret, received)) {
    throw new WebhookSignatureError(
      'mismatch',
      `the ${WEBHOOK_SIGNATURE_HEADER} signature does not match the body: either the body is not the bytes Fungies signed ` +
        '(pass the raw request body; a body that was parsed and re-serialised, re-encoded or trimmed never matches) ' +
        "or the secret is not this webhook's secret (each webhook in the dashboard has its own)" +
        (/^(sec|pub)_/.test(secret) ? '; the secret given looks like an API secret key (sec_…) or public key, not a webhook secret' : ''),
    );
  }
  const event = parseEvent(body);
  if (validate && isWebhookEventType(event.type)) {
    // Precompiled at spec:generate: verifying loads no Ajv and compiles nothing, and a process that
    // never validates a webhook never loads them.
    webhookValidators ??= loadValidatorModule<Record<string, PrecompiledValidator>>('webhook-validators');
    const check = webhookValidators[event.type];
    const errors = check && !check(event) ? [...(check.errors ?? [])] : [];
    if (errors.length > 0) {
      const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword}`);
      const more = errors.length > MAX_ERRORS_SHOWN ? `; and ${errors.length - MAX_ERRORS_SHOWN} more` : '';
      throw new WebhookValidationError(
        event.type,
        errors,
        `signed ${event.type} event does not match the spec: ${shown.join('; ')}${more}`,
      );
    }
  }
  return event as WebhookEvent;
}

function parseEvent(body: string | Uint8Array): { type: string } {
  let value: unknown;
  try {
    value = JSON.parse(typeof body === 'string' ? body : utf8.decode(body));
  } catch (err) {
    const why = err instanceof SyntaxError ? err.message.replace(/, ".*$/s, '') : 'invalid UTF-8';
    throw new WebhookPayloadError('not-json', `the signature is valid but the body is not JSON (${why}): Fungies sends a JSON event`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { type?: unknown }).type !== 'string') {
    throw new WebhookPayloadError(
      'not-an-event',
      'the signature is valid but the body is not an event: expected a JSON object with a string `type`',
    );
  }
  return value as { type: string };
}
