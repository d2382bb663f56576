/** spec:update meets hostile sources: $refs reaching for local files, endless or huge bodies, YAML alias bombs. */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../../../contract-tests/spec/download.js';
import { ScriptError } from '../../../scripts/lib/cli.js';
import { bundleSpec } from '../../../scripts/lib/spec-update/bundle.js';
import { type Loopback, loopback } from '../../loopback.js';
import { createSandbox, type Sandbox } from './sandbox.js';

const SECRET = 'sk_live_do_not_publish_4242';
let box: Sandbox;
/** A folder outside the source folder holding something private. */
let outside: string;
/** The folder the file-based specs live in. */
let folder: string;

beforeAll(async () => {
  box = await createSandbox();
  outside = join(box.scratch, 'private');
  folder = join(box.scratch, 'spec');
  await mkdir(outside);
  await mkdir(join(folder, 'schemas'), { recursive: true });
  await writeFile(join(outside, 'secret.yaml'), `token: ${SECRET}\n`);
  process.env['SPEC_UPDATE_TEST_SECRET'] = SECRET; // what /proc/self/environ would leak
}, 60_000);
afterAll(async () => {
  delete process.env['SPEC_UPDATE_TEST_SECRET'];
  await box?.remove();
});

/** A minimal OpenAPI document whose info.description is the given value. */
const specWith = (description: unknown, extra: Record<string, unknown> = {}) =>
  stringify({ openapi: '3.1.0', info: { title: 'hostile', version: '6.6.6', description }, paths: {}, ...extra });

/** Runs spec:update and checks the failure contract: exit 2, one line, no stack, nothing written, nothing leaked. */
async function expectRefused(source: string, message: RegExp, options: Record<string, unknown> = {}) {
  const before = await box.repo.snapshot();
  const { error } = await box.run({ source, ...options });
  expect(error).toBeInstanceOf(ScriptError);
  expect(error?.message).toMatch(message);
  expect(error?.exitCode).toBe(2);
  expect(error?.message.split('\n')).toHaveLength(1);
  expect(error?.message).not.toContain(SECRET);
  expect(box.repo.gitStatus()).toBe('');
  expect(await box.repo.snapshot()).toEqual(before);
  expect(await readFile(join(box.repo.dir, 'openapi/api-docs.yaml'), 'utf8')).not.toContain(SECRET);
}

describe('a spec from a file may reference only files under its own folder', () => {
  const file = async (name: string, text: string) => {
    const path = join(folder, name);
    await writeFile(path, text);
    return path;
  };

  it.each([
    ['an absolute path', () => join(outside, 'secret.yaml')],
    ['/proc/self/environ', () => '/proc/self/environ'],
    ['a file: URL', () => 'file:///etc/passwd'],
    ['a path climbing out of the folder', () => '../private/secret.yaml'],
    ['an http URL', () => 'http://127.0.0.1:9/x.yaml'],
  ])('%s is refused, naming the $ref and its JSON pointer', async (_name, ref) => {
    const source = await file('main.yaml', specWith({ $ref: ref() }));
    const quoted = ref().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    await expectRefused(source, new RegExp(`^✘ .*\\$ref "${quoted}" at .*#/info/description.*`));
  });

  it('a symlink inside the folder that points outside it is refused', async () => {
    await symlink(join(outside, 'secret.yaml'), join(folder, 'link.yaml'));
    const source = await file('linked.yaml', specWith({ $ref: './link.yaml#/token' }));
    await expectRefused(source, /\$ref "\.\/link\.yaml#\/token" at .*#\/info\/description: .*outside/);
  });

  it("a $ref resolved against a schema's $id (which the bundler honours) is refused all the same", async () => {
    const schema = { $id: `file://${outside}/`, type: 'object', properties: { p: { $ref: 'secret.yaml#/token' } } };
    const source = await file('with-id.yaml', specWith('x', { components: { schemas: { A: schema } } }));
    await expectRefused(source, /^✘ a \$ref in .*with-id\.yaml to file:\/\/.*private\/secret\.yaml: .*outside it/);
  });

  it('a sibling file that climbs out is refused, named by its own file and pointer', async () => {
    await writeFile(
      join(folder, 'schemas/sneaky.yaml'),
      stringify({ Thing: { type: 'object', description: { $ref: '../../private/secret.yaml#/token' } } }),
    );
    const source = await file(
      'nested.yaml',
      specWith('x', { components: { schemas: { Thing: { $ref: './schemas/sneaky.yaml#/Thing' } } } }),
    );
    await expectRefused(source, /\$ref "\.\.\/\.\.\/private\/secret\.yaml#\/token" at schemas\/sneaky\.yaml#\/Thing\/description/);
  });

  it('an alias bomb in a referenced file is refused quickly', async () => {
    await writeFile(join(folder, 'schemas/bomb.yaml'), aliasBomb());
    const source = await file('bombref.yaml', specWith('x', { components: { schemas: { Thing: { $ref: './schemas/bomb.yaml#/i' } } } }));
    await expectRefused(source, /schemas\/bomb\.yaml: .*alias/i);
  }, 20_000);

  it('an alias bomb in the main file is refused with exit 2', async () => {
    const source = await file('bomb-main.yaml', `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n${aliasBomb()}`);
    await expectRefused(source, /bomb-main\.yaml: .*alias/i);
  }, 20_000);

  it('a file larger than the cap is refused before it is read', async () => {
    const source = await file('huge.yaml', specWith('x'.repeat(300_000)));
    await expectRefused(source, /huge\.yaml is larger than 0\.1 MB .*--max-mb/, { maxBytes: 100_000 });
  });

  it('a referenced file counts towards the same cap', async () => {
    await writeFile(join(folder, 'schemas/big.yaml'), stringify({ Big: { type: 'string', description: 'y'.repeat(300_000) } }));
    const source = await file('bigref.yaml', specWith('x', { components: { schemas: { Big: { $ref: './schemas/big.yaml#/Big' } } } }));
    await expectRefused(source, /schemas\/big\.yaml.* larger than 0\.1 MB/, { maxBytes: 100_000 });
  });

  it('a device that never ends is refused (not a regular file)', async () => {
    await expectRefused('/dev/zero', /\/dev\/zero: not a regular file/);
  });
});

describe('a spec from a URL never reads the local disk', () => {
  let server: Loopback;
  let base: string;
  const served = new Map<string, string>();
  const hits: string[] = [];
  /** Another origin, which a redirect must never reach. */
  let other: Loopback;
  let elsewhere: string;
  const otherHits: string[] = [];

  beforeAll(async () => {
    server = await loopback((req, res) => {
      hits.push(req.url ?? '');
      const body = served.get(req.url ?? '');
      if (req.url === '/endless') {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        // Bounded: stops by itself after 64 MiB if the client keeps reading.
        let sent = 0;
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (sent < 64 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          res.end();
        };
        pump();
      } else if (req.url === '/drip') {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        res.write('openapi: 3.1.0\n');
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('#')), 50);
        setTimeout(() => (clearInterval(timer), res.end()), 10_000).unref();
      } else if (req.url === '/silent') {
        setTimeout(() => res.destroy(), 10_000).unref();
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/yaml', 'content-length': String(300_000) }).end('#'.repeat(300_000));
      } else if (req.url === '/moved.yaml') {
        res.writeHead(302, { location: '/parts/desc.yaml' }).end();
      } else if (req.url === '/hop.yaml') {
        res.writeHead(302, { location: `${elsewhere}/secret.yaml` }).end();
      } else if (body !== undefined) res.writeHead(200, { 'content-type': 'application/yaml' }).end(body);
      else res.writeHead(404).end('not here');
    });
    base = server.url;
    other = await loopback((req, res) => {
      otherHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/yaml' }).end(`token: ${SECRET}\n`);
    });
    elsewhere = other.url;
  });
  afterAll(async () => {
    await server?.close();
    await other?.close();
  });

  it.each([
    ['a file: URL', 'file:///etc/passwd'],
    ['another origin', 'http://127.0.0.2:9/x.yaml'],
  ])('%s is refused, naming the $ref and its JSON pointer', async (_name, ref) => {
    served.set('/ref.yaml', specWith({ $ref: ref }));
    const quoted = ref.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    await expectRefused(`${base}/ref.yaml`, new RegExp(`^✘ .*\\$ref "${quoted}" at .*#/info/description`));
  });

  it('an absolute path is asked of the same server, never read from disk', async () => {
    served.set('/abs.yaml', specWith({ $ref: '/proc/self/environ' }));
    hits.length = 0;
    await expectRefused(`${base}/abs.yaml`, /\/proc\/self\/environ.*404/);
    expect(hits).toEqual(['/abs.yaml', '/proc/self/environ']);
  });

  it('a $ref redirected to another origin is refused without asking that origin', async () => {
    served.set('/redirecting.yaml', specWith({ $ref: './hop.yaml#/token' }));
    await expectRefused(
      `${base}/redirecting.yaml`,
      /\$ref "\.\/hop\.yaml#\/token" at .*#\/info\/description: .*redirect.*127\.0\.0\.1:\d+\/secret\.yaml.*only URLs on/,
    );
    expect(otherHits).toEqual([]);
  });

  it('same-origin $refs are bundled, a redirect on the same origin followed', async () => {
    served.set('/parts/desc.yaml', 'Desc: described elsewhere\n');
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1', description: { $ref: './moved.yaml#/Desc' } }, paths: {} };
    const bundled = await bundleSpec(doc, { base: `${base}/api.yaml`, label: `${base}/api.yaml`, isUrl: true });
    expect(bundled['info']).toEqual({ title: 't', version: '1', description: 'described elsewhere' });
  });

  it('an endless body stops at the size cap', async () => {
    await expectRefused(`${base}/endless`, /endless is larger than 1 MB \(--max-mb\)/, { maxBytes: 1024 * 1024 });
  }, 20_000);

  it('a Content-Length over the cap is refused before the body is read', async () => {
    await expectRefused(`${base}/huge`, /huge is larger than 0\.1 MB/, { maxBytes: 100_000 });
  });

  it.each(['drip', 'silent'])(
    'a %s server is cut off at the time cap',
    async (path) => {
      const started = Date.now();
      await expectRefused(`${base}/${path}`, /no complete answer within 0\.3 s \(--timeout\)/, { timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(5_000);
    },
    20_000,
  );

  it('the caps default far above the real spec (~370 KB)', () => {
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
  });
});

/** The "billion laughs": nine levels of nine aliases each. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const prev = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}
