/** `fungies-contract check webhook <eventType> <file|->`: validates one saved webhook event against the spec. */

import { isWebhookEventType, WEBHOOK_EVENT_TYPES, webhookEventSchema } from '../../src/webhooks/events.js';
import { ajvFindings, showValue } from '../engine/ajv-findings.js';
import { type FindingContext, finding } from '../engine/finding.js';
import { capFindings } from '../engine/finding-limits.js';
import { parseJson } from '../engine/strict-json.js';
import type { Finding } from '../engine/types.js';
import { validateAgainst } from '../validation/validators.js';
import { usageError } from './errors.js';
import { printVerdict } from './file-verdict.js';
import { type Io, readInput } from './io.js';

export interface CheckWebhookOptions {
  /** The event type the file must be, e.g. `payment_success`. */
  eventType: string;
  /** A file path, or `-` for stdin. */
  file: string;
}

/** Spellings seen on older vendor pages, and the documented event they mean. */
const OLD_SPELLINGS: Record<string, string> = { payment_refund: 'payment_refunded', 'order.paid': 'payment_success' };

export async function checkWebhook(options: CheckWebhookOptions, io: Io): Promise<{ code: number; findings: Finding[] }> {
  const { eventType } = options;
  if (!isWebhookEventType(eventType)) {
    const near = OLD_SPELLINGS[eventType] ?? WEBHOOK_EVENT_TYPES.find((t) => t.startsWith(eventType.slice(0, 9)));
    throw usageError(
      `unknown webhook event type "${eventType}"${near ? `: did you mean ${near}?` : ''} (documented: ${WEBHOOK_EVENT_TYPES.join(', ')})`,
    );
  }
  const text = await readInput(io, options.file);
  const ctx: FindingContext = { operationId: `webhook ${eventType}`, method: 'POST', path: `webhooks/${eventType}`, status: undefined };
  const findings: Finding[] = [];
  const { value: body, error } = parseJson(text);
  if (error !== undefined) {
    const actual = `${showValue(text.slice(0, 80))} (${error})`;
    findings.push(finding(ctx, { kind: 'response', pointer: '', rule: 'json', expected: 'a JSON event', actual }));
  } else {
    const type = (body as { type?: unknown } | null)?.type;
    if (type !== eventType && typeof body === 'object' && body !== null) {
      const actual = `${showValue(type)} (${typeof type})`;
      findings.push(finding(ctx, { kind: 'response', pointer: '/type', rule: 'const', expected: JSON.stringify(eventType), actual }));
    } else {
      findings.push(...capFindings(ajvFindings(validateAgainst(webhookEventSchema(eventType), body), ctx)));
    }
  }
  // No --strict for events: a spec defect in one fails it too.
  const verdict = { file: options.file, subject: `webhook ${eventType}`, conformsTo: `the ${eventType} webhook event`, strict: true };
  return printVerdict(io, findings, verdict);
}
