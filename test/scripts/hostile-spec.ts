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

/** Appears as code (an identifier) in every hostile string: if it is ever outside a string or comment, a payload escaped. */
export const MARK = 'ZZPWN';

/** Adversarial strings, by what they try; each would run `globalThis.ZZPWN=1` if it ever became code. */
export const HOSTILE: Record<string, string> = {
  'single quote': `x');globalThis.${MARK}=1;('`,
  'double quote': `x");globalThis.${MARK}=1;("`,
  backtick: `x\`);globalThis.${MARK}=1;(\``,
  'template substitution': `\${globalThis.${MARK}=1}`,
  'comment close': `*/globalThis.${MARK}=1;/*`,
  'script close': `</script><script>globalThis.${MARK}=1</script>`,
  newline: `x\nglobalThis.${MARK}=1\n//`,
  'carriage return': `x\r\nglobalThis.${MARK}=1;\r//`,
  'U+2028/U+2029': `x\u2028globalThis.${MARK}=1\u2029//`,
  NUL: `x\u0000globalThis.${MARK}=1`,
  backslash: `x\\');globalThis.${MARK}=1;//`,
  'closing brackets': `}]})};globalThis.${MARK}=1;({[{`,
  'dot-dot': `../../../../${MARK}-planted`,
  slash: `/tmp/${MARK}/x`,
  'very long': `${'x'.repeat(5000)}');globalThis.${MARK}=1;('`,
  'unicode look-alikes': `оrders\u200b${MARK}\u202eｓｒｅｄｒｏ`,
};

/** Patterns made of the same characters that are still linear: data that reaches a validator. */
export const HOSTILE_PATTERNS = ['^[`\'"]*ZZPWN\\*/\\$\\{\\}</script>$', `^x\u2028\n'"\`${MARK}$`, '^\\.\\./\\.\\./ZZPWN$'];

/** Patterns that can backtrack catastrophically (exponential or polynomial). */
export const CATASTROPHIC_PATTERNS = ['^(a+)+$', '^(a|a)*$', '^([a-z0-9]+-?)*[a-z0-9]$', '^\\d+\\d+\\d+x$'];

/**
 * The real spec with hostile strings in every position that is data: info, servers, tags,
 * summaries and descriptions, query and header parameter names, property names, enum values,
 * titles, examples, defaults, linear patterns, a long enum, an allOf view restating a schema's
 * fields, a webhook's summary and body. All of it is accepted.
 */
export function hostileDataSpec(real: SpecDoc): SpecDoc {
  const doc = structuredClone(real);
  const values = Object.values(HOSTILE);
  const text = values.join(' | ');
  doc['info'] = { ...(doc['info'] as object), title: `Fungies ${HOSTILE['single quote']}`, description: text };
  doc['servers'] = values.map((v) => ({ url: v, description: v }));
  doc['tags'] = [...((doc['tags'] as unknown[]) ?? []), ...values.map((v) => ({ name: v, description: v }))];
  const properties: Record<string, unknown> = {};
  values.forEach((v, i) => {
    properties[v] = {
      type: 'string',
      title: v,
      description: v,
      enum: [v, `${v}-2`],
      default: v,
      examples: [v],
      example: v,
      ...(i < HOSTILE_PATTERNS.length ? { pattern: HOSTILE_PATTERNS[i] } : {}),
    };
  });
  // An enum long enough to be compiled to a Set lookup in the precompiled validators (scripts/lib/enum-sets.ts).
  properties['many'] = { type: 'string', enum: values.flatMap((v) => [v, `${v}-2`]), default: values[0] };
  doc.components.schemas['Hostile'] = { type: 'object', title: text, description: text, properties, required: values.slice(0, 3) };
  // A view restating Hostile's fields in an allOf, as the vendor writes list items: the precompiled
  // validators' copy of the spec drops the restated keywords (scripts/lib/redundant-keywords.ts).
  doc.components.schemas['HostileView'] = {
    type: 'object',
    description: text,
    allOf: [
      { $ref: '#/components/schemas/Hostile' },
      { type: 'object', required: values.slice(0, 5), properties: structuredClone(properties) },
    ],
  };
  doc.components.schemas['HostileResponse'] = {
    type: 'object',
    required: ['status', 'data'],
    properties: {
      status: { type: 'string' },
      data: {
        type: 'object',
        properties: {
          hostile: { $ref: '#/components/schemas/Hostile' },
          views: { type: 'array', items: { $ref: '#/components/schemas/HostileView' } },
        },
      },
    },
  };
  doc.paths['/v0/hostiles/list'] = {
    get: {
      operationId: 'GetV0HostilesList',
      summary: text,
      description: text,
      tags: values,
      parameters: values.flatMap((v, i) => [
        { name: v, in: 'query', description: v, schema: { type: 'integer', minimum: i, maximum: 100 + i } },
        { name: `x-${i}-${v.replace(/[^A-Za-z0-9-]/g, '')}`, in: 'header', description: v, schema: { type: 'string' } },
      ]),
      responses: {
        '200': {
          description: text,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HostileResponse' }, example: { data: text } } },
        },
      },
    },
  };
  // A new event would be a real API change (the types tests list every event): hostile text goes into an existing one.
  const webhook = (doc['webhooks'] as Record<string, { post: Record<string, unknown> }>)['payment_success']!;
  Object.assign(webhook.post, { summary: text, description: text });
  const event = doc.components.schemas['WebhookEventPaymentSuccess'] as { properties: Record<string, unknown> };
  event.properties['hostile'] = { $ref: '#/components/schemas/Hostile' };
  return doc;
}

/**
 * Hostile strings where the generators would write a name: operationIds, path segments, path
 * parameter names, webhook names and event types, `__proto__` keys, catastrophic patterns, and the
 * named payloads. Every one of them is refused, each with its own JSON pointer.
 */
export function hostileNameSpec(): { doc: SpecDoc; pointers: string[] } {
  const doc = baseSpec();
  const pointers: string[] = [];
  const at = (...segments: string[]) => `/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  const named = [
    `X.js'),Z:Object(Function(atob('Z2xvYmFsVGhpcy5aWlBXTj0x'))()),W:Object('y`,
    '../../test/src/zz-pwned-by-spec.test',
    '../../../../test/src/zz-pwned-by-dry-run.test',
  ];
  [...Object.values(HOSTILE), ...named].forEach((v, i) => {
    doc.paths[`/v0/ops${i}/list`] = { get: operation(v) };
    pointers.push(at('paths', `/v0/ops${i}/list`, 'get', 'operationId'));
    if (!v.includes('/')) {
      doc.paths[`/v0/segments${i}/${v}`] = { get: operation(`GetSegment${i}`) };
      pointers.push(at('paths', `/v0/segments${i}/${v}`));
    }
    const param = { name: v, in: 'path', required: true, schema: { type: 'string' } };
    if (!/[{}/]/.test(v)) {
      doc.paths[`/v0/params${i}/{${v}}`] = { get: operation(`GetParam${i}`, [param]) };
      pointers.push(at('paths', `/v0/params${i}/{${v}}`, 'get', 'parameters', '0', 'name'));
    }
    (doc['webhooks'] as Record<string, unknown>)[v] = {
      post: {
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { type: { type: 'string', const: `event${i}${v}` } } } },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    };
    pointers.push(at('webhooks', v));
  });
  doc.paths['/v0/zzz/{a`;let r=`}/x():0}};globalThis.ZZPWN=1;let q=`;{{Array<'] = {
    get: operation('GetV0Zzz', [{ name: 'a`;let r=`', in: 'path', required: true, schema: { type: 'string' } }]),
  };
  pointers.push(at('paths', '/v0/zzz/{a`;let r=`}/x():0}};globalThis.ZZPWN=1;let q=`;{{Array<'));
  CATASTROPHIC_PATTERNS.forEach((pattern, i) => {
    doc.components.schemas[`Slow${i}`] = { type: 'string', pattern };
    pointers.push(at('components', 'schemas', `Slow${i}`, 'pattern'));
  });
  doc.components.schemas['Proto'] = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}');
  pointers.push(at('components', 'schemas', 'Proto', 'properties', '__proto__'));
  return { doc, pointers };
}
