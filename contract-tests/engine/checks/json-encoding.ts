/**
 * JSON travels as UTF-8 and nothing else (RFC 8259 §8.1): no byte-order mark before the text, no
 * `charset` other than utf-8, no byte sequence that is not UTF-8. Decoding hides all three (a
 * decoder drops the mark and replaces bad bytes), so this check reads the bytes as they came.
 */
import { isSafeMethod, type OperationMeta } from '../../../src/operation-meta.js';
import { mediaType } from '../../validation/response.js';
import type { CheckModule } from '../check-module.js';
import { nothingToJudge } from '../check-support.js';
import { type Exchange, sendThroughClient } from '../exchange.js';
import { finding, findingContext } from '../finding.js';
import type { Finding } from '../types.js';

const BOMS: [string, number[]][] = [
  ['UTF-8', [0xef, 0xbb, 0xbf]],
  ['UTF-16 BE', [0xfe, 0xff]],
  ['UTF-16 LE', [0xff, 0xfe]],
];

export const jsonEncodingCheck: CheckModule = {
  name: 'json-encoding',
  family: 'conformance',
  label: 'JSON encoding (UTF-8)',
  title: () => 'JSON encoding: UTF-8, no byte-order mark, no other charset',
  planOperation: ({ operation }) =>
    isSafeMethod(operation.method)
      ? [{ id: `${operation.operationId} json encoding`, kind: 'json-encoding', operation, name: 'UTF-8 without a byte-order mark' }]
      : [],
  async run(check, planned, config) {
    const op = check.operation;
    const exchange = await sendThroughClient(op, planned, config.target);
    return nothingToJudge(op, exchange, config) ?? { exchange, findings: encodingFindings(op, exchange.response!) };
  },
};

/** What breaks UTF-8-only JSON in one response with a JSON media type; nothing for any other. */
export function encodingFindings(op: OperationMeta, response: NonNullable<Exchange['response']>): Finding[] {
  const type = response.contentType ?? '';
  if (!/json/i.test(mediaType(type))) return [];
  const at = findingContext(op, response.status);
  const f = (rule: string, pointer: string, expected: string, actual: string) =>
    finding(at, { kind: 'response', pointer, rule, expected, actual });
  const out: Finding[] = [];
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset))
    out.push(f('json_charset', 'header:content-type', 'no charset, or charset=utf-8 (JSON is UTF-8, RFC 8259 §8.1)', type));
  const bytes = response.bytes ?? new TextEncoder().encode(response.text);
  const bom = BOMS.find(([, mark]) => mark.every((b, i) => bytes[i] === b));
  if (bom)
    out.push(
      f(
        'json_bom',
        '',
        'the JSON text from the first byte (RFC 8259 §8.1: no byte-order mark)',
        `a ${bom[0]} byte-order mark (${bom[1].map((b) => b.toString(16).toUpperCase()).join(' ')})`,
      ),
    );
  else {
    const bad = firstInvalidUtf8(bytes);
    if (bad !== undefined)
      out.push(
        f(
          'json_utf8',
          '',
          'UTF-8 text (RFC 8259 §8.1)',
          `a byte sequence that is not UTF-8 at byte ${bad} (0x${bytes[bad]!.toString(16).toUpperCase()})`,
        ),
      );
  }
  return out;
}

/** The offset of the first byte that is not valid UTF-8, or undefined when all of it is. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // The replacement decode keeps every valid character before the first bad byte: re-encoded, they measure its offset.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return new TextEncoder().encode(text.slice(0, text.indexOf('\uFFFD'))).length;
  }
}
