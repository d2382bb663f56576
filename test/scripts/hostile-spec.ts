/**
 * Specs written as an attacker who controls the vendor's api-docs.yaml would write them, and the
 * pipeline's three commands run on them in a temp copy of the repo, as a maintainer would run them.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Set by every payload that gets to run; its presence on globalThis after an import is a breach. */
export const CANARY = '__fungiesPwned';

export type SpecDoc = Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};

/** The smallest spec the generators accept: one operation by id, the "id or number" schema, one webhook. */
export function baseSpec(): SpecDoc {
  return {
    openapi: '3.1.0',
    info: { title: 'hostile', version: '6.6.6' },
    paths: {
      '/v0/widgets/{widgetId}': {
        get: {
          operationId: 'GetV0WidgetsWidgetId',
          parameters: [{ name: 'widgetId', in: 'path', required: true, schema: { $ref: '#/components/schemas/IdOrNumber' } }],
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/WidgetResponse' } } } },
          },
        },
      },
    },
    webhooks: {
      widget_made: {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/WidgetMade' } } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: {
      schemas: {
        IdOrNumber: {
          oneOf: [
            { type: 'string', format: 'uuid' },
            { type: 'string', pattern: '^[0-9]+$' },
          ],
        },
        Widget: { type: 'object', properties: { object: { type: 'string', const: 'widget' }, id: { type: 'string' } } },
        WidgetResponse: {
          type: 'object',
          properties: {
            status: { type: 'string' },
            data: { type: 'object', properties: { widget: { $ref: '#/components/schemas/Widget' } } },
          },
        },
        WidgetMade: { type: 'object', properties: { type: { type: 'string', const: 'widget_made' } }, required: ['type'] },
      },
    },
  };
}

/** A GET operation at `path` whose 200 body has a schema (so a response validator module is generated for it). */
export function operation(operationId: string, pathParams: Record<string, unknown>[] = []): Record<string, unknown> {
  return {
    operationId,
    parameters: pathParams,
    responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
  };
}

/** JS that sets the canary when it runs, as base64 so the spec text carries no quotes of its own. */
const payloadB64 = (tag: string) => Buffer.from(`globalThis.${CANARY}=${JSON.stringify(tag)}`).toString('base64');

/** The three payloads found against the generators, and the pattern that stalled the client, each in a spec of its own. */
export const NAMED_PAYLOADS: Record<string, () => SpecDoc> = {
  'operationId → code': () => {
    const doc = baseSpec();
    const id = `X.js'),Z:Object(Function(atob('${payloadB64('operationId')}'))()),W:Object('y`;
    doc.paths['/v0/zzz/list'] = { get: operation(id) };
    return doc;
  },
  'path segment + parameter name → code': () => {
    const doc = baseSpec();
    const name = 'a`;let r=`';
    const path = `/v0/zzz/{${name}}/x():0}};Function(atob('${payloadB64('path')}'))();let q=\`;{{Array<`;
    doc.paths[path] = { get: operation('GetV0Zzz', [{ name, in: 'path', required: true, schema: { type: 'string' } }]) };
    return doc;
  },
  'operationId → file path': () => {
    const doc = baseSpec();
    // generated/response-validators/ is two folders below the repo; spec:update's type-check copy four.
    doc.paths['/v0/zzz/list'] = { get: operation('../../test/src/zz-pwned-by-spec.test') };
    doc.paths['/v0/zzz/more'] = { get: operation('../../../../test/src/zz-pwned-by-dry-run.test') };
    return doc;
  },
  'catastrophic pattern on a path id': () => {
    const doc = baseSpec();
    doc.components.schemas['IdOrNumber'] = {
      oneOf: [
        { type: 'string', format: 'uuid' },
        { type: 'string', pattern: '^(a+)+$' },
      ],
    };
    return doc;
  },
};

/** Files the payloads above try to plant, relative to the repo. */
export const PLANTED = ['test/src/zz-pwned-by-spec.test.ts', 'test/src/zz-pwned-by-dry-run.test.ts', 'zz-pwned-by-dry-run.test.ts'];

export async function writeSpec(dir: string, name: string, doc: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, stringify(doc, { lineWidth: 0 }));
  return file;
}

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run <script> -- <file>` in `cwd` (without npm: the command it runs), bounded in time. */
export function runScript(cwd: string, script: 'spec-check' | 'spec-generate', file: string, timeout = 60_000): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}.ts`, file],
      { cwd, timeout, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
