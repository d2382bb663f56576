// npm run spec:update in a temp copy of the repo: a failure leaves it byte-identical; a safe or breaking update is written and reported.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpecFile } from '../../../contract-tests/spec/spec-file.js';
import { ScriptError } from '../../../scripts/lib/cli.js';
import { driftedFiles } from '../../../scripts/lib/drift.js';
import { generateFiles } from '../../../scripts/lib/generate.js';
import { rowCells } from '../../../scripts/lib/spec-update/provenance.js';
import { type Loopback, loopback } from '../../loopback.js';
import { createSandbox, type Sandbox, SLOW } from './sandbox.js';

let box: Sandbox;
beforeAll(async () => {
  box = await createSandbox();
}, SLOW);
afterAll(() => box?.remove());

describe('npm run spec:update, failing: the repo stays byte-identical', () => {
  let server: Loopback;
  let base: string;
  let closedPort: number;

  beforeAll(async () => {
    server = await loopback((req, res) => {
      if (req.url === '/html') res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Sign in</body></html>');
      else if (req.url === '/garbage')
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('\u0000\u0001: [unclosed\n  - {');
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    });
    base = server.url;
    // A port that was just free: nothing listens on it any more.
    const closed = await loopback(() => undefined);
    closedPort = Number(new URL(closed.url).port);
    await closed.close();
  });
  afterAll(() => server?.close());

  const cases: [name: string, source: () => Promise<string> | string, message: RegExp][] = [
    ['an HTML error page', () => `${base}/html`, /is an HTML\/XML page \(content-type text\/html\), not an OpenAPI YAML\/JSON file/],
    ['a 404', () => `${base}/missing.yaml`, /answered 404 Not Found: no spec was downloaded/],
    ['a garbage body', () => `${base}/garbage`, /is not a valid OpenAPI 3\.1 spec[\s\S]*YAML syntax/],
    [
      'an unreachable URL',
      () => `http://127.0.0.1:${closedPort}/api-docs.yaml`,
      /cannot download .*: connection refused\. .*update from a file/,
    ],
    ['a missing file', () => 'no/such/api-docs.yaml', /no\/such\/api-docs\.yaml: file not found/],
    [
      'a YAML file that is not OpenAPI',
      async () => writeFile(join(box.scratch, 'list.yaml'), '- a\n- b\n').then(() => join(box.scratch, 'list.yaml')),
      /not a YAML\/JSON object/,
    ],
    [
      'a spec with a dangling $ref',
      async () => {
        const file = join(box.scratch, 'dangling.yaml');
        await writeFile(
          file,
          (await readFile(join(box.repo.dir, 'openapi/api-docs.yaml'), 'utf8')).replace(
            /#\/components\/schemas\/PatchV0OrdersOrderIdOrNumberCancelRequestBody/,
            '#/components/schemas/Nowhere',
          ),
        );
        return file;
      },
      /dangling\.yaml:\d+:\d+ {2}at #\/paths\/.*\n {4}\$ref "#\/components\/schemas\/Nowhere" points at nothing[\s\S]*nothing was changed/,
    ],
  ];

  it.each(cases)(
    '%s: exit 2, one clear message, nothing written',
    async (_name, source, message) => {
      const before = await box.repo.snapshot();
      const { error } = await box.run({ source: await source() });
      expect(error).toBeInstanceOf(ScriptError);
      expect(error?.exitCode).toBe(2);
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toMatch(/\n\s+at .*\.ts:\d+/); // no stack trace
      expect(box.repo.gitStatus()).toBe('');
      expect(await box.repo.snapshot()).toEqual(before);
    },
    SLOW,
  );

  it(
    'the default URL from package.json is used (and is official) when no source is given',
    async () => {
      const pkgPath = join(box.repo.dir, 'package.json');
      const pkg = await readFile(pkgPath, 'utf8');
      const url = `http://127.0.0.1:${closedPort}/api-reference/api-docs.yaml`;
      await writeFile(pkgPath, pkg.replace(/"specUrl": "[^"]*"/, `"specUrl": "${url}"`));
      try {
        const { error, output } = await box.run({});
        expect(output).toContain(`from ${url} (official)`);
        expect(error?.message).toMatch(/^✘ cannot download .*: connection refused/);
        expect(error?.message.split('\n')).toHaveLength(1);
      } finally {
        await writeFile(pkgPath, pkg);
      }
      expect(box.repo.gitStatus()).toBe('');
    },
    SLOW,
  );
});

describe('npm run spec:update, succeeding', () => {
  it(
    'a harmless change from a file regenerates generated/ and reports it safe',
    async () => {
      const file = await box.nextVersion('harmless.yaml', (order) => {
        order.properties['note'] = { type: ['string', 'null'], description: 'Why it was cancelled.' } as never;
      });
      const { result, output, error } = await box.run({ source: file });
      expect(error).toBeUndefined();
      expect(result!.breaking).toBe(0);
      expect(result!.report.changes.map((c) => `${c.severity} ${c.kind} ${c.where} ${c.field}`)).toEqual([
        'safe field-added response 200 data.order.note',
      ]);
      expect(result!.written).toEqual(['generated/', 'openapi/CHANGES.md', 'openapi/api-docs.yaml']);
      expect(output).toMatch(/0 breaking for callers, 1 safe/);

      const spec = await readSpecFile(join(box.repo.dir, 'openapi/api-docs.yaml'));
      expect(spec.text).toContain('note:');
      const expected = await generateFiles({ ...spec, file: 'openapi/api-docs.yaml' });
      expect(await driftedFiles(join(box.repo.dir, 'generated'), expected)).toEqual([]); // spec:check passes
      const changes = await readFile(join(box.repo.dir, 'openapi/CHANGES.md'), 'utf8');
      expect(changes).toMatch(/## \S+ → 9\.9\.9 \(2026-01-02\)/);
      expect(changes).toContain('### Safe');
      expect(box.repo.gitStatus()).not.toBe('');

      // Same source again: same bytes, nothing to do.
      const again = await box.run({ source: file });
      expect(again.result!.written).toEqual([]);
      expect(again.output).toContain('is already up to date');
    },
    SLOW,
  );
});

describe("npm run spec:update from the vendor's URL (a local server standing in for it)", () => {
  it(
    "downloads the spec from package.json's specUrl and marks every operation it holds official",
    async () => {
      // Served: the repo's own spec, so once a previous test has written it in canonical form nothing but provenance changes.
      const served = await readFile(join(box.repo.dir, 'openapi/api-docs.yaml'), 'utf8');
      const server = await loopback((_req, res) => res.writeHead(200, { 'content-type': 'application/yaml' }).end(served));
      const url = `${server.url}/api-reference/api-docs.yaml`;
      const pkgPath = join(box.repo.dir, 'package.json');
      const pkg = await readFile(pkgPath, 'utf8');
      await writeFile(pkgPath, pkg.replace(/"specUrl": "[^"]*"/, `"specUrl": "${url}"`));
      try {
        const before = (await readFile(join(box.repo.dir, 'openapi/PROVENANCE.md'), 'utf8'))
          .split('\n')
          .map(rowCells)
          .filter((r) => r !== undefined);
        const { result, output, error } = await box.run({});
        expect(error).toBeUndefined();
        expect(output).toContain(`from ${url} (official)`);
        expect(result!.written).toContain('openapi/PROVENANCE.md');
        const rows = (await readFile(join(box.repo.dir, 'openapi/PROVENANCE.md'), 'utf8'))
          .split('\n')
          .map(rowCells)
          .filter((r) => r !== undefined);
        expect(rows.map((r) => r[0])).toEqual(before.map((r) => r[0]));
        expect(rows.filter((r) => r[6] !== 'official')).toEqual([]);
        expect(result!.report.provenance).toEqual({
          marked: before.filter((r) => r[6] !== 'official').map((r) => r[0]),
          added: [],
          dropped: [],
        });
        expect(rows.find((r) => r[6] === 'official' && r[3]?.startsWith(url))).toBeDefined();
      } finally {
        await writeFile(pkgPath, pkg);
        await server.close();
      }
    },
    SLOW,
  );
});

describe('npm run spec:update, breaking', () => {
  it(
    'a removed response field is breaking, and with --fail-on-breaking the command exits 1',
    async () => {
      const file = await box.nextVersion('breaking.yaml', (order) => {
        delete order.properties['country'];
      });
      // Client code that reads the field, so the bump also breaks compilation.
      await writeFile(
        join(box.repo.dir, 'src/reads-country.ts'),
        [
          "import type { paths } from '../generated/api.js';",
          "type Order = paths['/v0/orders/{orderIdOrNumber}/cancel']['patch']['responses'][200]['content']['application/json']['data']['order'];",
          'export const countryOf = (order: Order) => order.country;',
          '',
        ].join('\n'),
      );
      const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(
          join(box.repo.dir, 'node_modules/.bin/tsx'),
          ['scripts/spec-update.ts', file, '--fail-on-breaking'],
          { cwd: box.repo.dir },
          (_err, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
      expect(stdout).toMatch(
        /Breaking for callers:\n {2}PATCH \/v0\/orders\/\{orderIdOrNumber\}\/cancel \(PatchV0OrdersOrderIdOrNumberCancel\)\n {4}✘ response 200: field data\.order\.country removed — code that reads it gets undefined/,
      );
      expect(stdout).toMatch(
        /Breaking for this client \(.*\):\n {2}✘ src\/reads-country\.ts:3:50 TS2339 Property 'country' does not exist on type/,
      );
      expect(stdout.match(/✘ src\//g)).toHaveLength(1); // errors the project had before are not the bump's
      expect(stderr).toMatch(/✘ 2 breaking change\(s\) \(--fail-on-breaking\)/);
      expect(code).toBe(1);
      const changes = await readFile(join(box.repo.dir, 'openapi/CHANGES.md'), 'utf8');
      expect(changes).toContain("### Breaking for this client (compile errors)\n\n- `src/reads-country.ts:3:50` TS2339 Property 'country'");
      const newest = changes.split('\n## ')[1] ?? ''; // the entry on top
      expect(newest).toContain('field data.order.country removed');
    },
    SLOW,
  );
});
