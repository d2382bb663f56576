/**
 * `fungies-contract send-webhook <url> <eventType|file|->`: POSTs a signed test event to a
 * merchant's own handler, so it can be exercised without the dashboard.
 */
import { randomUUID } from 'node:crypto';
import { parseHttpUrl } from '../../src/http-url.js';
import { redactExcerpt } from '../../src/redact.js';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, webhookEventSchema } from '../../src/webhooks/events.js';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../src/webhooks/signature.js';
import { readBodyText } from '../engine/capped-body.js';
import { isSuccess } from '../engine/exchange.js';
import { sampleFor } from '../engine/schema-sample.js';
import { EXIT, usageError } from './errors.js';
import { type Io, readInput } from './io.js';

export const WEBHOOK_SECRET_ENV = 'FUNGIES_WEBHOOK_SECRET';

/** The most of a handler's answer read: enough for the excerpt shown. */
const ANSWER_BYTES = 64 * 1024;

export interface SendWebhookOptions {
  url: string;
  /** A documented event type (a sample is built from its schema), a saved event file, or `-`. */
  event: string;
  timeoutMs: number;
}

/** A schema-valid event of `type` in test mode; id and idempotencyKey are fresh so each send is new. */
export function sampleWebhookEvent(type: (typeof WEBHOOK_EVENT_TYPES)[number]): Record<string, unknown> {
  const sample = sampleFor(webhookEventSchema(type), `${type} event`) as Record<string, unknown>;
  const id = randomUUID();
  return { ...sample, id, type, idempotencyKey: id, testMode: true };
}

export async function sendWebhook(options: SendWebhookOptions, io: Io): Promise<{ code: number; status?: number }> {
  const secret = io.env[WEBHOOK_SECRET_ENV];
  if (!secret) throw usageError(`${WEBHOOK_SECRET_ENV} is not set: export the secret of the webhook your handler verifies with`);
  const url = parseHttpUrl(options.url, { field: 'the URL', example: 'http://localhost:3000/webhooks', base: false });
  if (typeof url === 'string') throw usageError(url);
  const body = await eventBody(options.event, io);
  const label = isWebhookEventType(options.event) ? `a sample ${options.event} event` : options.event === '-' ? 'stdin' : options.event;
  let response: Response;
  // Kept so the catch can ask the signal whether it fired, rather than recognise the error by name.
  const deadline = AbortSignal.timeout(options.timeoutMs);
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(body, secret) },
      body,
      redirect: 'manual',
      signal: deadline,
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const why = deadline.aborted ? `no answer within ${options.timeoutMs} ms` : (e.cause?.code ?? e.message);
    throw usageError(`cannot deliver to ${url.origin}${url.pathname}: ${why}`);
  }
  // Only an excerpt is shown: a handler's endless answer is read no further than that.
  const text = await readBodyText(response, { maxBytes: ANSWER_BYTES, signal: deadline, timeoutMs: options.timeoutMs }).catch(() => '');
  const ok = isSuccess(response.status);
  const answer = text ? `: ${redactExcerpt(text, [secret], 120)}` : '';
  io.stdout.write(`${ok ? '✔' : '✘'} sent ${label} to ${url.origin}${url.pathname}: ${response.status} ${response.statusText}${answer}\n`);
  return { code: ok ? EXIT.pass : EXIT.failures, status: response.status };
}

async function eventBody(event: string, io: Io): Promise<string> {
  if (isWebhookEventType(event)) return JSON.stringify(sampleWebhookEvent(event), null, 2);
  try {
    // A saved file is sent byte for byte: its signature is over exactly what it holds.
    return await readInput(io, event);
  } catch {
    throw usageError(`"${event}" is neither a documented event type nor a readable file (event types: ${WEBHOOK_EVENT_TYPES.join(', ')})`);
  }
}
