/**
 * docs/api.md, the per-method reference, built from what the client is built from: the resource
 * table and the operation metadata in generated/, and the spec's schemas for an example body. It is
 * text generated from the spec like generated/, so a test fails when it drifts.
 */
import { readFileSync } from 'node:fs';
import { sampleFor } from '../../contract-tests/engine/schema-sample.js';
import { resourceTable } from '../../generated/resources.js';
import type { OperationMeta } from '../../src/operation-meta.js';
import { findOperationById } from '../../src/operations.js';
import { isMethodSpec, type ResourceMethodSpec, type ResourceTable } from '../../src/resources/resource-table.js';

export const API_REFERENCE_FILE = 'docs/api.md';

/** The error class a documented status becomes (src/errors.ts). */
const ERROR_CLASS: Record<string, string> = {
  '400': 'BadRequestError',
  '401': 'AuthenticationError',
  '403': 'PermissionDeniedError',
  '404': 'NotFoundError',
  '409': 'ConflictError',
  '422': 'UnprocessableEntityError',
  '429': 'RateLimitError',
};

/** operationId → kind (Params, Query, Body, Response) → the named type generated/types.ts exports for it. */
function typeNames(typesSource: string): Map<string, Record<string, string>> {
  const names = new Map<string, Record<string, string>>();
  for (const m of typesSource.matchAll(/^export type (\w+?)(Params|Query|Body|Response) = .*?operations\["(\w+)"\]/gm)) {
    const [, base, kind, operationId] = m as unknown as [string, string, string, string];
    names.set(operationId, { ...names.get(operationId), [kind]: `${base}${kind}` });
  }
  return names;
}

function methods(table: ResourceTable, prefix: string[] = []): { call: string[]; spec: ResourceMethodSpec }[] {
  return Object.entries(table).flatMap(([name, node]) =>
    isMethodSpec(node) ? [{ call: [...prefix, name], spec: node }] : methods(node, [...prefix, name]),
  );
}

function exampleBody(op: OperationMeta): string | undefined {
  const schema = op.requestBody?.content['application/json']?.schema;
  if (schema === undefined) return undefined;
  try {
    return JSON.stringify(sampleFor(schema, `${op.operationId} body`, { optional: true }), null, 2);
  } catch {
    // A schema no value satisfies is the spec's defect: the reference still lists the method.
    return undefined;
  }
}

function errorsOf(op: OperationMeta): string {
  const statuses = Object.keys(op.responses).filter((s) => /^[45]/.test(s));
  const classes = statuses.map((s) => `\`${ERROR_CLASS[s] ?? (s.startsWith('5') ? 'ServerError' : 'FungiesApiError')}\` (${s})`);
  return classes.length > 0 ? classes.join(', ') : 'none documented';
}

function section(call: string[], spec: ResourceMethodSpec, types: Record<string, string>): string {
  const op = findOperationById(spec.operationId);
  if (!op) throw new Error(`the resource table names ${spec.operationId}, which the operations lack`);
  const args = [
    ...spec.pathParams,
    ...(spec.query ? [`query?: ${types['Query'] ?? 'object'}`] : []),
    ...(spec.body ? [`body?: ${types['Body'] ?? 'object'}`] : []),
    'options?',
  ];
  const result = types['Response'] ? `\`${types['Response']}\`` : 'the 2xx data';
  const lines = [
    `### \`fungies.${call.join('.')}(${args.join(', ')})\``,
    '',
    `${op.summary || op.operationId}. Sends \`${op.method.toUpperCase()} ${op.path}\` (${op.operationId})${op.authHeaders.includes('x-fngs-secret-key') ? '; needs the secret key' : ''}.`,
    '',
    `- **Returns** ${result}${spec.list ? ` when awaited (one page); \`for await\` yields every item across pages, and \`.toArray({ maxItems })\` / \`.pages()\` collect them` : ''}.`,
    `- **Throws** ${errorsOf(op)}.`,
  ];
  const body = spec.body ? exampleBody(op) : undefined;
  if (body !== undefined)
    lines.push('', `Example body (\`${types['Body'] ?? 'body'}\`, every field filled with a sample value):`, '', '```json', body, '```');
  return lines.join('\n');
}

/** The whole of docs/api.md. */
export function apiReference(): string {
  const types = typeNames(readFileSync(new URL('../../generated/types.ts', import.meta.url), 'utf8'));
  const all = methods(resourceTable as unknown as ResourceTable);
  const groups = [...new Set(all.map((m) => m.call[0]!))];
  return [
    '# Method reference',
    '',
    '<!-- Generated from openapi/api-docs.yaml by `npm run docs:api`. Do not edit: a test fails when it drifts. -->',
    '',
    'Every resource method of `createFungies()`. Path parameters come first, in path order; `options`',
    '(`RequestOptions`: `timeout`, `retry`, `signal`, `headers`, `maxResponseBytes`) is always last.',
    'A method resolves to the `data` of the 2xx answer; `.withResponse()` adds the `Response` and the',
    'request id. Besides the errors listed per method, any call can throw `FungiesConnectionError`',
    '(`FungiesTimeoutError`), `FungiesUserAbortError`, `FungiesConfigError` and `InvalidParameterError`',
    '(before sending), `ResponseTooLargeError`, `ResponseParseError`, and `ResponseValidationError` with',
    '`validateResponses`. All of them extend `FungiesError`.',
    '',
    ...groups.map((g) => `- [${g}](#${g})`),
    '',
    ...groups.flatMap((g) => [
      `## ${g}`,
      '',
      ...all.filter((m) => m.call[0] === g).flatMap((m) => [section(m.call, m.spec, types.get(m.spec.operationId) ?? {}), '']),
    ]),
  ].join('\n');
}
