/** The errors verifyWebhook throws: a signature that does not hold, a body that is not an event, a payload off-spec. */

import { FungiesError } from '../errors.js';
import type { ValidationIssue } from '../validation/issue.js';

/** Which check of the `x-fngs-signature` header failed. */
export type WebhookSignatureFailure = 'missing-header' | 'malformed-header' | 'wrong-prefix' | 'bad-hex' | 'wrong-length' | 'mismatch';

/**
 * The delivery cannot be trusted: answer 400/401 and do not act on it. The message says which check
 * failed; it never contains the secret or the signature that was expected.
 */
export class WebhookSignatureError extends FungiesError {
  override name = 'WebhookSignatureError';
  constructor(
    readonly reason: WebhookSignatureFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Why a body is not a usable event: `not-raw` (handed over already parsed), `not-json`, `not-an-event`. */
export type WebhookPayloadFailure = 'not-raw' | 'not-json' | 'not-an-event';

/** The body is not a raw JSON event. For `not-json` and `not-an-event` the signature itself was valid. */
export class WebhookPayloadError extends FungiesError {
  override name = 'WebhookPayloadError';
  constructor(
    readonly reason: WebhookPayloadFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A signed event whose payload breaks the spec's schema for its type (only with `validate: true`). */
export class WebhookValidationError extends FungiesError {
  override name = 'WebhookValidationError';
  constructor(
    readonly eventType: string,
    /** Ajv's errors, unchanged (`instancePath` names the field). */
    readonly errors: readonly ValidationIssue[],
    message: string,
  ) {
    super(message);
  }
}
