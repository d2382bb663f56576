/** Checks one recorded response against the spec: documented status, Content-Type, JSON, body schema. */
import type { OperationMeta } from '../../src/operation-meta.js';
import { redactExcerpt } from '../../src/redact.js';
import { bodyErrors, matchSpecResponse, mediaType } from '../validation/response.js';
import { ajvFindings } from './ajv-findings.js';
import { finding, findingContext } from './finding.js';
import { capFindings } from './finding-limits.js';
import { parseJson, scanJson } from './strict-json.js';
import type { Finding } from './types.js';

export interface ResponseUnderCheck {
  status: number;
  statusText?: string;
  contentType: string | null;
  /** The raw body text. */
  text: string;
  /** The Location header of a redirect. */
  location?: string | null;
}

export interface CheckResponseOptions {
  /** The status the check asked for (Prism's `Prefer: code=`); another documented status is then a finding too. */
  expectedStatus?: number;
}

export function checkResponse(operation: OperationMeta, response: ResponseUnderCheck, options: CheckResponseOptions = {}): Finding[] {
  const ctx = findingContext(operation, response.status);
  const violation = (rule: string, pointer: string, expected: string, actual: string, note?: string) =>
    finding(ctx, { kind: 'response', pointer, rule, expected, actual, note });
  // Not finding.ts's statusLine(): this one keeps a padded reason phrase as the server sent it, as reports always showed it.
  const statusLine = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const findings: Finding[] = [];
  const { expectedStatus } = options;
  const result = matchSpecResponse(operation.operationId, response.status, response.contentType);
  if (result.statusKey === undefined) {
    if (response.status >= 300 && response.status < 400) {
      const to = response.location ? ` → ${redactExcerpt(response.location, [], 120)}` : '';
      return [
        violation(
          'redirect',
          'status',
          `a documented status: ${result.documentedStatuses.join(', ')} (redirects are never followed)`,
          `${statusLine}${to}`,
        ),
      ];
    }
    return [
      violation(
        'status',
        'status',
        `a documented status: ${result.documentedStatuses.join(', ')}`,
        `${statusLine}${bodyHint(response.text)}`,
      ),
    ];
  }
  if (expectedStatus !== undefined && response.status !== expectedStatus) {
    findings.push(
      violation('status', 'status', String(expectedStatus), statusLine, `asked for ${expectedStatus} (Prefer: code=${expectedStatus})`),
    );
  }
  if (result.expectedContentTypes.length === 0) return findings;
  if (!result.contentTypeOk) {
    findings.push(
      violation('content-type', 'header:content-type', result.expectedContentTypes.join(' or '), response.contentType ?? '(none)'),
    );
  }
  if (response.text.trim() === '') {
    findings.push(violation('body', '', `a ${result.expectedContentTypes.join(' or ')} body`, 'empty body'));
    return findings;
  }
  const declaredJson = result.expectedContentTypes.some((t) => /json/i.test(mediaType(t)));
  if (!declaredJson) return findings;
  const { value: body, error } = parseJson(response.text);
  if (error !== undefined) {
    findings.push(violation('json', '', 'valid JSON', `${redactExcerpt(response.text, [], 80)} (${error})`));
    return findings;
  }
  const scan = scanJson(response.text, body);
  for (const pointer of scan.duplicateKeys) {
    findings.push(
      violation(
        'duplicate_key',
        pointer,
        'each key once per object (JSON parsers disagree on which copy wins)',
        'the key appears more than once',
      ),
    );
  }
  // Thousands of invalid items are thousands of findings: concatenated, capped, never spread onto the stack.
  return capFindings(findings.concat(ajvFindings(bodyErrors(operation.operationId, result, body), ctx, scan.rawNumbers)));
}

function bodyHint(text: string): string {
  const t = text.trim();
  return t === '' ? '' : `: ${redactExcerpt(t, [], 80)}`;
}
