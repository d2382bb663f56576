// spec:update's parts one by one: bundling, canonical YAML, PROVENANCE.md rows, the change report, the swap, tsc output.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allRefs } from '../../../contract-tests/spec/openapi-walk.js';
import { readSpecFile } from '../../../contract-tests/spec/spec-file.js';
import { bundleSpec } from '../../../scripts/lib/spec-update/bundle.js';
import { canonicalize, toYaml } from '../../../scripts/lib/spec-update/canonical.js';
import type { Change } from '../../../scripts/lib/spec-update/changes.js';
import { markOfficial, rowCells } from '../../../scripts/lib/spec-update/provenance.js';
import {
  breakingCount,
  formatMarkdownEntry,
  formatTerminal,
  prependEntry,
  type UpdateReport,
} from '../../../scripts/lib/spec-update/report.js';
import { swapIn } from '../../../scripts/lib/spec-update/swap.js';
import { parseTscOutput } from '../../../scripts/lib/spec-update/typecheck.js';

const FIXTURES = 'test/scripts/spec-update/fixtures';
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'spec-update-parts-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('bundleSpec', () => {
  /** A spec of one operation, GET /o, answering with these responses. */
  const oneGet = (responses: Record<string, unknown>) => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/o': { get: { operationId: 'GetO', responses } } },
  });

  it('resolves external $refs into one self-contained document', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'schemas'));
    await writeFile(join(dir, 'schemas/order.yaml'), 'Order:\n  type: object\n  properties:\n    id: { type: string }\n');
    const doc = oneGet({
      '200': { description: '', content: { 'application/json': { schema: { $ref: './schemas/order.yaml#/Order' } } } },
    });
    const bundled = await bundleSpec(doc, { base: join(dir, 'api.yaml'), label: 'api.yaml', isUrl: false });
    expect([...allRefs(bundled)].filter(({ ref }) => !ref.startsWith('#'))).toEqual([]);
    expect(JSON.stringify(bundled)).toContain('"properties":{"id":{"type":"string"}}');
  });

  it('bundles a legitimate multi-file spec: siblings, a subfolder, refs between them, a path with a space', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'my schemas'));
    await writeFile(join(dir, 'my schemas/order.yaml'), 'Order:\n  type: object\n  properties:\n    id: { $ref: "../common.yaml#/Id" }\n');
    await writeFile(join(dir, 'common.yaml'), 'Id:\n  type: string\n  format: uuid\n');
    await writeFile(join(dir, 'responses.json'), JSON.stringify({ NotFound: { description: 'gone' } }));
    const doc = oneGet({
      '200': { description: '', content: { 'application/json': { schema: { $ref: './my%20schemas/order.yaml#/Order' } } } },
      '404': { $ref: 'responses.json#/NotFound' },
    });
    const bundled = await bundleSpec(doc, { base: join(dir, 'api.yaml'), label: 'api.yaml', isUrl: false });
    expect([...allRefs(bundled)].filter(({ ref }) => !ref.startsWith('#'))).toEqual([]);
    expect(JSON.stringify(bundled)).toContain('"format":"uuid"');
    expect(JSON.stringify(bundled)).toContain('"description":"gone"');
  });

  it('names the file when an external $ref cannot be read', async () => {
    const dir = await tempDir();
    const doc = { openapi: '3.1.0', paths: { '/o': { get: { responses: { '200': { $ref: './missing.yaml#/R' } } } } } };
    await expect(bundleSpec(doc, { base: join(dir, 'api.yaml'), label: 'api.yaml', isUrl: false })).rejects.toThrow(
      /^✘ \$ref "\.\/missing\.yaml#\/R" at api\.yaml#\/paths\/~1o\/get\/responses\/200: missing\.yaml not found; nothing was changed$/,
    );
  });
});

describe('canonical YAML', () => {
  it("round-trips the vendor's own file without changing a line", async () => {
    const { doc, text } = await readSpecFile(`${FIXTURES}/v0.3.5.yaml`);
    expect(toYaml(canonicalize(doc))).toBe(`${text.trimEnd()}\n`);
  });

  it('fixes the order of structural keys, keeps the order of named things, same spec → same bytes', async () => {
    const { doc } = await readSpecFile(`${FIXTURES}/v0.4.0-operations.yaml`);
    const reversed = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(reversed)
        : node && typeof node === 'object'
          ? Object.fromEntries(
              Object.entries(node)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : node;
    type Out = { paths: Record<string, Record<string, object>>; components: { schemas: object } };
    const text = toYaml(canonicalize(doc));
    const out = parse(text) as Out;
    const shuffled = parse(toYaml(canonicalize(reversed(doc) as Record<string, unknown>))) as Out;
    expect(Object.keys(shuffled)).toEqual(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components']);
    expect(Object.keys(shuffled.paths['/v0/orders/{orderIdOrNumber}/cancel']!['patch']!)).toEqual([
      'tags',
      'summary',
      'description',
      'operationId',
      'parameters',
      'requestBody',
      'responses',
      'security',
    ]);
    // Paths and schemas as the source gives them (the vendor's order), not sorted.
    expect(Object.keys(out.paths)).toEqual(['/v0/orders/{orderIdOrNumber}/cancel', '/v0/orders/{orderIdOrNumber}']);
    expect(Object.keys(shuffled.paths)).toEqual([...Object.keys(out.paths)].reverse());
    expect(Object.keys(shuffled.components.schemas)).toEqual([...Object.keys(out.components.schemas)].reverse());
    expect(toYaml(canonicalize(structuredClone(doc)))).toBe(text);
  });

  it('writes shared objects in full, never as YAML anchors', () => {
    const shared = { type: 'string' };
    const text = toYaml(canonicalize({ openapi: '3.1.0', components: { schemas: { A: shared, B: shared } } }));
    expect(text).not.toMatch(/[&*]ref_/);
    expect(parse(text)).toEqual({ openapi: '3.1.0', components: { schemas: { A: shared, B: shared } } });
  });
});

describe('PROVENANCE.md after an official update', () => {
  const official = [
    { operationId: 'PatchV0OrdersOrderIdOrNumberCancel', method: 'PATCH', path: '/v0/orders/{orderIdOrNumber}/cancel' },
    { operationId: 'GetV0OrdersOrderIdOrNumber', method: 'GET', path: '/v0/orders/{orderIdOrNumber}' },
    { operationId: 'GetV0ProductsList', method: 'GET', path: '/v0/products/list' },
  ];

  it("marks the file's operations official, adds missing rows, removes rows it lacks, keeps the prose", async () => {
    const text = await readFile(`${FIXTURES}/PROVENANCE.md`, 'utf8');
    const update = markOfficial(text, official, 'https://docs.fungies.io/api-reference/api-docs.yaml', '0.4.0');
    expect(update).toMatchObject({
      marked: ['GetV0OrdersOrderIdOrNumber'],
      added: ['GetV0ProductsList'],
      dropped: ['GetV0UsersList GET /v0/users/list'],
    });
    const rows = update.text
      .split('\n')
      .map(rowCells)
      .filter((r) => r !== undefined);
    expect(rows.map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      ['PatchV0OrdersOrderIdOrNumberCancel', 'PATCH', '/v0/orders/{orderIdOrNumber}/cancel', 'official'],
      ['GetV0OrdersOrderIdOrNumber', 'GET', '/v0/orders/{orderIdOrNumber}', 'official'],
      ['GetV0ProductsList', 'GET', '/v0/products/list', 'official'],
    ]);
    expect(rows[1]![3]).toBe("https://docs.fungies.io/api-reference/api-docs.yaml (the vendor's api-docs.yaml, spec 0.4.0)");
    expect(update.text).toContain(
      '| PatchV0OrdersOrderIdOrNumberCancel | PATCH | /v0/orders/{orderIdOrNumber}/cancel | https://docs.fungies.io/api-reference/orders/cancel-order.md | Everything | Nothing | official |',
    );
    expect(update.text).toMatch(/^# Where each operation comes from\n\nProse before the table stays as it is\.\n/);
    expect(update.text).toMatch(/official \|\n\nProse after the table stays too\.\n$/);
  });

  it('an escaped pipe inside a cell does not split it', () => {
    expect(rowCells('| A | GET | /a | s | `x \\| null` | i | low |')).toEqual(['A', 'GET', '/a', 's', '`x \\| null`', 'i', 'low']);
    expect(rowCells('|---|---|---|---|---|---|---|')).toBeUndefined();
    expect(rowCells('| operationId | method | path | a | b | c | confidence |')).toBeUndefined();
  });

  it('starts a table when the file has none', () => {
    const update = markOfficial('# Provenance\n', official.slice(0, 1), 'u', '1');
    expect(update.text).toBe(
      "# Provenance\n\n\n| operationId | method | path | source page(s) | shown on the pages | inferred / filled | confidence |\n|---|---|---|---|---|---|---|\n| PatchV0OrdersOrderIdOrNumberCancel | PATCH | /v0/orders/{orderIdOrNumber}/cancel | u (the vendor's api-docs.yaml, spec 1) | Everything: the operation and its schemas are the vendor's text | Nothing | official |",
    );
  });
});

describe('change report', () => {
  const op = { operationId: 'PatchV0OrdersOrderIdOrNumberCancel', method: 'PATCH', path: '/v0/orders/{orderIdOrNumber}/cancel' };
  const change = (severity: 'breaking' | 'safe', field: string, detail: string, reason: string): Change => ({
    kind: severity === 'breaking' ? 'field-removed' : 'field-added',
    direction: 'response',
    operation: op,
    where: 'response 200',
    field,
    pointer: '',
    detail,
    severity,
    reason,
  });
  const report: UpdateReport = {
    source: 'next.yaml',
    official: false,
    fromVersion: '0.3.5',
    toVersion: '0.4.0',
    date: '2026-01-02',
    changes: [
      change('breaking', 'data.order.country', 'field data.order.country removed', 'code that reads it gets undefined'),
      change('safe', 'data.order.note', 'field data.order.note added', 'more data; existing reads are unaffected'),
    ],
    compileErrors: [{ file: 'src/x.ts', line: 3, column: 5, code: 'TS2339', message: "Property 'country' does not exist." }],
    lacking: [],
  };

  it('counts compile errors as breaking', () => {
    expect(breakingCount(report)).toBe(2);
    expect(breakingCount({ ...report, changes: [], compileErrors: [] })).toBe(0);
  });

  it('markdown entry: one section per verdict, compile errors as breaking for this client', () => {
    expect(formatMarkdownEntry(report)).toBe(
      [
        '## 0.3.5 → 0.4.0 (2026-01-02)',
        '',
        'From `next.yaml`: 1 breaking for callers, 1 safe, 1 compile error in this client (breaking).',
        '',
        '### Breaking for callers',
        '',
        '- `PATCH /v0/orders/{orderIdOrNumber}/cancel` response 200: field data.order.country removed — code that reads it gets undefined',
        '',
        '### Safe',
        '',
        '- `PATCH /v0/orders/{orderIdOrNumber}/cancel` response 200: field data.order.note added — more data; existing reads are unaffected',
        '',
        '### Breaking for this client (compile errors)',
        '',
        "- `src/x.ts:3:5` TS2339 Property 'country' does not exist.",
        '',
      ].join('\n'),
    );
  });

  it('terminal: grouped by operation, long lists cut with a pointer to CHANGES.md', () => {
    const many = {
      ...report,
      changes: Array.from({ length: 3 }, (_, i) => change('safe', `f${i}`, `field f${i} added`, 'more data')),
      compileErrors: [],
    };
    expect(formatTerminal(many, 2)).toBe(
      [
        'Changes 0.3.5 → 0.4.0: 0 breaking for callers, 3 safe',
        '',
        'Safe:',
        '  PATCH /v0/orders/{orderIdOrNumber}/cancel (PatchV0OrdersOrderIdOrNumberCancel)',
        '    ✔ response 200: field f0 added — more data',
        '    ✔ response 200: field f1 added — more data',
        '    … and 1 more in openapi/CHANGES.md',
      ].join('\n'),
    );
  });

  it('a field name from the spec cannot add lines or send terminal escapes, in the terminal or in CHANGES.md', () => {
    const hostile = 'x\u001b[2J\n### Safe\r\u2028y';
    const text = { ...report, changes: [change('safe', hostile, `field ${hostile} added`, 'more data')], compileErrors: [] };
    for (const out of [formatTerminal(text), formatMarkdownEntry(text)]) {
      for (const raw of ['\u001b', '\r', '\u2028']) expect(out).not.toContain(raw);
      expect(out).toContain('field x\\u001b[2J\\u000a### Safe\\u000d\\u2028y added');
      // Only the report's own heading starts a line.
      expect(out.split('\n').filter((l) => l.startsWith('### Safe')).length).toBeLessThanOrEqual(1);
    }
  });

  it('a detail that names its own location is not prefixed with it again', () => {
    const located = (where: string, field: string, detail: string): Change => ({ ...change('breaking', field, detail, 'r'), where });
    const text = formatMarkdownEntry({
      ...report,
      compileErrors: [],
      changes: [
        located('response 200 header X-Request-Id', '', 'response 200 header X-Request-Id removed'),
        located('query parameter limit', '', 'query parameter limit: maximum 100 → 50 (tightened)'),
        located('request body', 'amount', 'amount: minimum 1 → 5 (tightened)'),
      ],
    });
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- `PATCH /v0/orders/{orderIdOrNumber}/cancel` response 200 header X-Request-Id removed — r',
      '- `PATCH /v0/orders/{orderIdOrNumber}/cancel` query parameter limit: maximum 100 → 50 (tightened) — r',
      '- `PATCH /v0/orders/{orderIdOrNumber}/cancel` request body: amount: minimum 1 → 5 (tightened) — r',
    ]);
  });

  it('lists the rebuilt operations an official file lacks', () => {
    const text = formatMarkdownEntry({
      ...report,
      official: true,
      lacking: [{ operationId: 'GetV0UsersList', method: 'GET', path: '/v0/users/list' }],
      provenance: { marked: ['A'], added: [], dropped: ['GetV0UsersList GET /v0/users/list'] },
    });
    expect(text).toContain("From `next.yaml` (the vendor's official file)");
    expect(text).toContain(
      '### Rebuilt operations the official file lacks (1): removed from the spec by this update\n\n- GET /v0/users/list (GetV0UsersList)',
    );
    expect(text).toContain(
      '### openapi/PROVENANCE.md: 1 row(s) marked official, 0 added, 1 removed\n\n- removed: GetV0UsersList GET /v0/users/list',
    );
  });

  it('CHANGES.md: created with a header on first use, newest entry on top after that', () => {
    const first = prependEntry(undefined, '## 1 → 2\n');
    expect(first).toMatch(/^# Changes to openapi\/api-docs\.yaml\n[\s\S]*-->\n\n## 1 → 2\n$/);
    const second = prependEntry(first, '## 2 → 3\n');
    expect(second.indexOf('## 2 → 3')).toBeLessThan(second.indexOf('## 1 → 2'));
    expect(second.replace('## 2 → 3\n\n', '')).toBe(first);
  });
});

describe('swapIn', () => {
  /** A folder as it stands before the swap: spec.yaml at v1 and generated/api.ts with the old types. */
  const oldTree = async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'spec.yaml'), 'v1');
    await mkdir(join(dir, 'generated'));
    await writeFile(join(dir, 'generated/api.ts'), 'old types');
    return dir;
  };

  it('replaces files and a folder, leaving no staging files behind', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'generated'));
    await writeFile(join(dir, 'generated/old.ts'), 'old');
    await writeFile(join(dir, 'spec.yaml'), 'v1');
    await swapIn(dir, {
      files: new Map([
        ['spec.yaml', 'v2'],
        ['CHANGES.md', 'new'],
      ]),
      dirs: new Map([['generated', new Map([['api.ts', 'types']])]]),
    });
    expect((await readdir(dir)).sort()).toEqual(['CHANGES.md', 'generated', 'spec.yaml']);
    expect(await readdir(join(dir, 'generated'))).toEqual(['api.ts']);
    expect(await readFile(join(dir, 'spec.yaml'), 'utf8')).toBe('v2');
  });

  it('puts everything back when a rename fails half-way', async () => {
    const dir = await oldTree();
    const plan = { files: new Map([['spec.yaml', 'v2']]), dirs: new Map([['generated', new Map([['api.ts', 'new types']])]]) };
    let step = 0;
    await expect(
      swapIn(dir, plan, {
        // Step 11 puts the new spec.yaml in place; failing right after it (as a full disk might) must undo it.
        afterStep: () => {
          if (++step === 11) throw new Error('EIO: i/o error');
        },
      }),
    ).rejects.toThrow(/EIO/);
    expect((await readdir(dir)).sort()).toEqual(['generated', 'spec.yaml']);
    expect(await readFile(join(dir, 'spec.yaml'), 'utf8')).toBe('v1');
    expect(await readFile(join(dir, 'generated/api.ts'), 'utf8')).toBe('old types');
  });

  it('a backup folder an earlier version left behind (generated.spec-update-old) no longer makes it fail', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'generated.spec-update-old'));
    await writeFile(join(dir, 'generated.spec-update-old/x'), '');
    await swapIn(dir, { files: new Map(), dirs: new Map([['generated', new Map([['api.ts', 'new types']])]]) });
    expect(await readFile(join(dir, 'generated/api.ts'), 'utf8')).toBe('new types');
  });

  it('writes nothing when staging fails', async () => {
    const dir = await oldTree();
    // 'missing/file' cannot be staged: its folder does not exist, after spec.yaml was staged.
    await expect(
      swapIn(dir, {
        files: new Map([
          ['spec.yaml', 'v2'],
          ['missing/file', 'x'],
        ]),
        dirs: new Map(),
      }),
    ).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['generated', 'spec.yaml']);
    expect(await readFile(join(dir, 'spec.yaml'), 'utf8')).toBe('v1');
  });
});

describe('parseTscOutput', () => {
  it('reads one error per line, with continuation lines joined', () => {
    const out =
      "src/a.ts(3,5): error TS2339: Property 'x' does not exist on type 'Y'.\n  Did you mean 'z'?\ntest/b.ts(10,1): error TS2322: Type 'string' is not assignable to type 'number'.\n";
    expect(parseTscOutput(out)).toEqual([
      { file: 'src/a.ts', line: 3, column: 5, code: 'TS2339', message: "Property 'x' does not exist on type 'Y'. Did you mean 'z'?" },
      { file: 'test/b.ts', line: 10, column: 1, code: 'TS2322', message: "Type 'string' is not assignable to type 'number'." },
    ]);
  });
});
