// `--spec <file|url>`: the engine takes every operation and schema from the spec given, and a
// hostile spec is refused in one line, naming its JSON pointer and rule, before any request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import type { RunData } from '../../contract-tests/engine/types.js';
import { errorBody, widgetSpec, widgetsPath } from '../../contract-tests/fixtures/widget-spec.js';
import { sha256 } from '../../contract-tests/spec/model.js';
import { drip, type Loopback, loopback } from '../loopback.js';
import { KEYS, memoryIo, useTempDir } from './helpers.js';

const temp = useTempDir('fungies-spec-');

type Json = Record<string, unknown>;

/** The server under test: answers the widgets list with a string name (the old shape), 401 without a key. */
let server: Loopback;
beforeAll(async () => {
  server = await loopback((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!String(req.headers['x-fngs-public-key'] ?? '').startsWith('pub_'))
      return json(401, { status: 'error', error: { message: 'no key' } });
    if (req.method === 'GET' && ['/v0/widgets/list', '/v0/gadgets/list'].includes(req.url?.split('?')[0] ?? ''))
      return json(200, { status: 'success', data: { widgets: [{ id: '7d7f3ad4-0a6c-4f5e-9a53-1f2f8f0c1e2a', name: 'Sprocket' }] } });
    json(404, { status: 'error', error: { message: 'not found' } });
  });
});
afterAll(async () => {
  await server.close();
});

const env = () => ({ NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey });

async function specFile(name: string, spec: Json | string): Promise<string> {
  const file = join(temp.dir, name);
  await writeFile(file, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return file;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string; report?: RunData }> {
  const io = memoryIo('', env());
  const json = join(temp.dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const code = await main(['run', '--target', server.url, ...args, '--json', json], io);
  const report = await readFile(json, 'utf8').then(
    (t) => JSON.parse(t) as RunData,
    () => undefined,
  );
  return { code, out: io.out(), err: io.err(), ...(report ? { report } : {}) };
}

const statusCheck = (report: RunData | undefined, status: string, operationId = 'GetV0WidgetsList') =>
  report?.checks.find((c) => c.kind === 'status' && c.operationId === operationId && c.status === status);

describe('fungies-contract run --spec', () => {
  it('exercises an operation that only the newer spec has, and names that spec with its sha256 in every report', async () => {
    // The newer release adds GET /v0/gadgets/list beside the widgets.
    const newer = widgetSpec() as { paths: Json };
    newer.paths['/v0/gadgets/list'] = { get: { ...widgetsPath.get, operationId: 'GetV0GadgetsList', tags: ['gadgets'] } };
    const text = JSON.stringify(newer);
    const file = await specFile('newer.json', text);

    for (const older of [[], ['--spec', await specFile('older.json', widgetSpec())]]) {
      const before = await run([...older, '--operation', 'GetV0GadgetsList']);
      expect(before.code).toBe(2);
      expect(before.err).toContain('--operation "GetV0GadgetsList" matches no operation');
    }

    const seen = server.seen.length;
    const html = join(temp.dir, 'newer.html');
    const after = await run(['--spec', file, '--operation', 'GetV0GadgetsList', '--html', html]);
    expect(after.err).not.toMatch(/\n\s+at /);
    expect(after.report?.operations.map((o) => o.operationId)).toEqual(['GetV0GadgetsList']);
    expect(statusCheck(after.report, '200', 'GetV0GadgetsList')?.outcome).toBe('passed');
    expect(server.seen.slice(seen).some((r) => r.method === 'GET' && r.url.startsWith('/v0/gadgets/list'))).toBe(true);
    const digest = sha256(text);
    expect(after.report?.spec).toMatchObject({ title: 'Widgets', source: { location: file, sha256: digest, bundled: false } });
    expect(after.out).toContain(digest);
    expect(await readFile(html, 'utf8')).toContain(digest);
  }, 120_000);

  it('fails a server that answers the old shape once the spec changes the response schema', async () => {
    const old = await run(['--spec', await specFile('v1.json', widgetSpec())]);
    expect(statusCheck(old.report, '200')?.outcome).toBe('passed');
    expect(old.report?.spec).toMatchObject({ title: 'Widgets', version: '9.9.9' });

    const changed = await run(['--spec', await specFile('v2.json', widgetSpec({ type: 'integer' }))]);
    expect(changed.code).toBe(1);
    const check = statusCheck(changed.report, '200');
    expect(check?.outcome).toBe('failed');
    expect(check?.findings).toContainEqual(expect.objectContaining({ pointer: '/data/widgets/0/name', rule: 'type' }));
  }, 60_000);

  it('lists and checks the operations of the spec given', async () => {
    const file = await specFile('list.json', widgetSpec({ type: 'integer' }));
    const listed = memoryIo('', env());
    expect(await main(['list', '--spec', file, '--json'], listed)).toBe(0);
    expect((JSON.parse(listed.out()) as { operations: { operationId: string }[] }).operations.map((o) => o.operationId)).toEqual([
      'GetV0WidgetsList',
    ]);
    const body = await specFile(
      'body.json',
      JSON.stringify({ status: 'success', data: { widgets: [{ id: '7d7f3ad4-0a6c-4f5e-9a53-1f2f8f0c1e2a', name: 'Sprocket' }] } }),
    );
    const checked = memoryIo('', env());
    expect(await main(['check', '--spec', file, 'GetV0WidgetsList', '200', body], checked)).toBe(1);
    expect(checked.out()).toContain('/data/widgets/0/name');
    const webhook = memoryIo('', env());
    expect(await main(['check', '--spec', file, 'webhook', 'payment_success', body], webhook)).toBe(2);
    expect(webhook.err()).toContain('check webhook checks events against the bundled spec');
  }, 60_000);
});

const hostile: [string, () => Json | string, RegExp][] = [
  [
    'an external $ref to a file',
    () => ({
      ...widgetSpec(),
      components: {
        ...(widgetSpec()['components'] as Json),
        schemas: { Widget: { $ref: './widget.yaml#/Widget' }, WidgetError: errorBody },
      },
    }),
    /#\/components\/schemas\/Widget\/\$ref: external \$ref "\.\/widget\.yaml#\/Widget"/,
  ],
  [
    'an external $ref to a URL',
    () => ({
      ...widgetSpec(),
      components: {
        ...(widgetSpec()['components'] as Json),
        schemas: { Widget: { $ref: 'https://example.com/w.yaml' }, WidgetError: errorBody },
      },
    }),
    /#\/components\/schemas\/Widget\/\$ref: external \$ref "https:\/\/example\.com\/w\.yaml"/,
  ],
  [
    'a hostile operationId',
    () => {
      const spec = widgetSpec() as { paths: { '/v0/widgets/list': { get: Json } } };
      spec.paths['/v0/widgets/list'] = { get: { ...widgetsPath.get, operationId: 'x</script><script>alert(1)' } };
      return spec;
    },
    /#\/paths\/~1v0~1widgets~1list\/get\/operationId: operationId .* must match/,
  ],
  [
    'a pattern that backtracks catastrophically',
    () => widgetSpec({ type: 'string', pattern: '^(a+)+$' }),
    /#\/components\/schemas\/Widget\/properties\/name\/pattern: pattern "\^\(a\+\)\+\$" can backtrack catastrophically/,
  ],
  [
    'a YAML alias bomb',
    () =>
      [
        'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
        ...Array.from(
          { length: 8 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
        ),
      ].join('\n'),
    /alias bomb/,
  ],
  [
    'a file over the size cap',
    () => ({ ...widgetSpec(), 'x-padding': 'x'.repeat(1_200_000) }),
    /is larger than 1 MB \(--spec-max-mb\): refused/,
  ],
];

describe('fungies-contract run --spec refuses a hostile spec before any request', () => {
  it.each(hostile)(
    '%s: exit 2, one line naming the pointer and the rule',
    async (name, make, message) => {
      const file = await specFile(`${name.replaceAll(/\W+/g, '-')}.yaml`, make());
      const seen = server.seen.length;
      const got = await run(['--spec', file, '--spec-max-mb', '1']);
      expect(got.err).toMatch(message);
      expect(got.err.trim().split('\n')).toHaveLength(1);
      expect(got.err).toMatch(/^fungies-contract: --spec .* (is refused|is larger)/);
      expect(got.code).toBe(2);
      expect(got.out).toBe('');
      expect(server.seen.length).toBe(seen);
    },
    60_000,
  );
});

describe('fungies-contract run --spec <url>', () => {
  let specs: Loopback;
  beforeAll(async () => {
    specs = await loopback((req, res) => {
      if (req.url === '/v1.json') return res.end(JSON.stringify(widgetSpec()));
      if (req.url === '/endless') {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        return drip(res, Buffer.alloc(64 * 1024, 'x'), 1);
      }
      if (req.url === '/hang') return; // never answers: the deadline must end the read
      if (req.url === '/moved') {
        res.writeHead(302, { location: 'https://example.com/api-docs.yaml' });
        return res.end();
      }
      res.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await specs.close();
  });

  it('reads a spec from a loopback http URL and names the URL and its sha256 in the report', async () => {
    const got = await run(['--spec', `${specs.url}/v1.json`]);
    expect(statusCheck(got.report, '200')?.outcome).toBe('passed');
    expect(got.report?.spec).toMatchObject({ source: { location: `${specs.url}/v1.json`, sha256: sha256(JSON.stringify(widgetSpec())) } });
  }, 60_000);

  it.each<[string, string, RegExp, string[]]>([
    ['an endless body past the size cap', '/endless', /is larger than 1 MB \(--spec-max-mb\): refused/, []],
    ['a redirect', '/moved', /answered 302 \(a redirect to https:\/\/example\.com\/api-docs\.yaml\): redirects are not followed/, []],
    ['a server that never answers', '/hang', /: no complete answer within 0\.3 s \(--timeout\)/, ['--timeout', '300']],
  ])(
    'refuses %s in one line, before any request to the target',
    async (_name, path, message, extra) => {
      const seen = server.seen.length;
      const got = await run(['--spec', `${specs.url}${path}`, '--spec-max-mb', '1', ...extra]);
      expect(got.err).toMatch(message);
      expect(got.err.trim().split('\n')).toHaveLength(1);
      expect(got.code).toBe(2);
      expect(server.seen.length).toBe(seen);
    },
    60_000,
  );

  it.each([
    ['http://example.com/api-docs.yaml', /only https URLs \(or http to localhost\/127\.0\.0\.1\/\[::1\]\) are read.*use https/],
    ['file:///etc/passwd', /only https URLs .* not file:/],
    ['https://user:pw@example.com/api-docs.yaml', /must not carry a user name or password/],
  ])('refuses %s without reading it', async (url, message) => {
    const got = await run(['--spec', url]);
    expect(got.err).toMatch(message);
    expect(got.err).not.toContain('pw@');
    expect(got.code).toBe(2);
  });
});

describe('the engine reads the spec only through contract-tests/spec/model.ts', () => {
  it('no other module of the kit imports the bundled operations or schemas (a new check would ignore --spec)', async () => {
    const files = (await readdir('contract-tests', { recursive: true }))
      .filter((f) => f.endsWith('.ts') && !f.startsWith('dist'))
      .map((f) => join('contract-tests', f));
    const offenders: string[] = [];
    for (const file of files) {
      // The model is the one reader; the lying server is a fixture of the bundled spec on purpose.
      if (['contract-tests/spec/model.ts', 'contract-tests/fixtures/lying-server.ts'].includes(relative('.', file))) continue;
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(/from '([^']*(?:src\/operations|generated\/operations|generated\/schemas)\.js)'/g))
        offenders.push(`${file} -> ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
