/**
 * The precompiled validators are compiled from a copy of the spec with what an allOf states twice
 * dropped, long enums as Set lookups and Ajv's integer test rewritten (scripts/lib/redundant-keywords.ts,
 * enum-sets.ts, standalone-rewrites.ts). For valid bodies and for bodies broken field by field, in
 * the first, a middle and the last item of a list, they must say what the runtime Ajv instance
 * says from the spec as written: the same verdict, the same contract findings, and the same answer
 * to "is any of it the server's fault" (the client's ResponseValidationError).
 */
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ajvFindings } from '../../../contract-tests/engine/ajv-findings.js';
import { findingContext } from '../../../contract-tests/engine/finding.js';
import { createRandom } from '../../../contract-tests/engine/random.js';
import { sampleFor } from '../../../contract-tests/engine/schema-sample.js';
import { validateAgainst } from '../../../contract-tests/validation/validators.js';
import { operations } from '../../../generated/operations.js';
import { responseValidatorLoaders } from '../../../generated/response-validators.js';
import { webhookEvents } from '../../../generated/webhooks.js';
import type { OperationMeta } from '../../../src/operation-meta.js';
import type { PrecompiledValidator } from '../../../src/validation/issue.js';
import { loadValidatorModule } from '../../../src/validation/load-validators.js';
import { specDefectReason } from '../../../src/validation/spec-defects.js';

/** The list whose items restate Order in an allOf, single resources built the same way, and a few others. */
const OPERATIONS = [
  'GetV0OrdersList',
  'GetV0OrdersOrderIdOrNumber',
  'PatchV0OrdersOrderIdOrNumberCancel',
  'GetV0PaymentsList',
  'GetV0SubscriptionsList',
  'GetV0ProductsList',
  'PostV0UsersCreate',
] as const;

/** A list in a sample is grown to this many items; items 0, 2 and 4 are broken in turn. */
const LIST_LENGTH = 5;
const BROKEN_ITEMS = new Set([0, 2, LIST_LENGTH - 1]);

const UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
/** What a field is replaced with: wrong formats, patterns, enums and types, and `undefined` for "missing". */
const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  42,
  -1,
  1.5,
  2 ** 53 + 2,
  'x',
  '',
  'not-a-uuid',
  UUID.toUpperCase(),
  `urn:uuid:${UUID}`,
  '#ABC',
  '#ABC123DEF456-7',
  'XXX',
  'usd',
  true,
  {},
  [],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Valid bodies for a schema: the plain sample and samples with every optional field, seeded. */
function validBodies(schema: unknown): Json[] {
  const bodies = [
    sampleFor(schema, 'body'),
    ...[1, 2, 3].map((seed) => sampleFor(schema, 'body', { optional: true, random: createRandom(seed) })),
  ];
  return bodies.map((body) => grownLists(body as Json));
}

/** Every array of one or more items made LIST_LENGTH long by repeating its first item. */
function grownLists(value: Json): Json {
  if (Array.isArray(value))
    return value.length === 0 ? value : Array.from({ length: LIST_LENGTH }, () => grownLists(structuredClone(value[0]!)));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, grownLists(v)]));
  return value;
}

/** The body with the value at `path` replaced (`undefined`: removed), for every path and replacement. */
function* broken(body: Json): Generator<{ where: string; body: Json }> {
  const paths: (string | number)[][] = [];
  const walk = (value: Json, path: (string | number)[]) => {
    if (path.length > 0) paths.push(path);
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) if (value.length < LIST_LENGTH || BROKEN_ITEMS.has(i)) walk(item, [...path, i]);
    } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(body, []);
  for (const path of paths) {
    for (const replacement of REPLACEMENTS) {
      const copy = structuredClone(body);
      let parent: Json = copy;
      for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key as string]!;
      const last = path[path.length - 1]!;
      if (replacement === undefined) {
        if (Array.isArray(parent)) continue;
        delete (parent as Record<string, Json>)[last as string];
      } else (parent as Record<string, unknown>)[last as string] = structuredClone(replacement);
      yield { where: `/${path.join('/')} = ${JSON.stringify(replacement) ?? 'missing'}`, body: copy };
    }
  }
}

/** What a user and a contract run see of a set of errors. */
function seen(errors: ErrorObject[], op: OperationMeta) {
  return {
    valid: errors.length === 0,
    // The client throws only for errors that are not the spec contradicting itself (src/response-validation.ts).
    serverFault: errors.some((e) => !specDefectReason(e.parentSchema, e.data)),
    findings: ajvFindings(errors, findingContext(op, 200)),
  };
}

function compare(validate: PrecompiledValidator, schema: unknown, body: Json, op: OperationMeta, where: string): boolean {
  const ok = validate(body);
  const precompiled = ok ? [] : ([...(validate.errors ?? [])] as ErrorObject[]);
  validate.errors = null;
  const runtime = validateAgainst(schema, body);
  expect(seen(precompiled, op), where).toEqual(seen(runtime, op));
  return ok;
}

describe('precompiled validators against the runtime Ajv instance on the spec as written', () => {
  it.each(OPERATIONS)('%s: same verdicts and findings for valid and broken bodies', { timeout: 120_000 }, async (operationId) => {
    const op = operations[operationId] as OperationMeta;
    const schema = op.responses['200']!.content['application/json']!.schema;
    const validate = (await responseValidatorLoaders[operationId]!()).validators['200']!['application/json']!;
    let invalid = 0;
    let cases = 0;
    for (const body of validBodies(schema)) {
      expect(compare(validate, schema, body, op, 'the valid sample'), JSON.stringify(body)).toBe(true);
      for (const { where, body: changed } of broken(body)) {
        cases++;
        if (!compare(validate, schema, changed, op, where)) invalid++;
      }
    }
    // The replacements do break things, and not everything: a test that cannot fail proves nothing.
    expect(invalid).toBeGreaterThan(cases / 4);
    expect(invalid).toBeLessThan(cases);
  });

  it('webhook events carrying an order too (verifyWebhook({ validate: true }))', () => {
    const validators = loadValidatorModule<Record<string, PrecompiledValidator>>('webhook-validators');
    const op = { operationId: 'webhook', method: 'post', path: '/webhook' } as OperationMeta;
    for (const type of ['payment_success', 'payment_refunded', 'subscription_created'] as const) {
      const schema = webhookEvents[type].schema;
      const validate = validators[type]!;
      for (const body of validBodies(schema)) {
        expect(compare(validate, schema, body, op, 'the valid sample')).toBe(true);
        for (const { where, body: changed } of broken(body)) compare(validate, schema, changed, op, where);
      }
    }
  });
});
