// The generators and writers on their own, past spec:check: spec text still reaches code only as data, and files only inside their folder.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathInside } from '../../scripts/lib/contained-path.js';
import { commentText, identifier, propertyKey } from '../../scripts/lib/emit.js';
import { resourceFiles } from '../../scripts/lib/generate-resources.js';
import { generateValidatorFiles } from '../../scripts/lib/generate-validators.js';
import { swapIn } from '../../scripts/lib/spec-update/swap.js';
import { writeGenerated } from '../../scripts/lib/write-generated.js';
import { baseSpec, NAMED_PAYLOADS, operation } from './hostile-spec.js';

describe('emitting spec text', () => {
  it.each([
    ['list', 'list'],
    ['x():0}};evil()', '"x():0}};evil()"'],
    ['a\u2028b', '"a\u2028b"'],
    ['__proto__x', '__proto__x'],
  ])('propertyKey(%j) is %s', (name, code) => expect(propertyKey(name)).toBe(code));

  it.each(['a`;let r=`', 'class', 'x y', '', '1a'])('identifier(%j) refuses what is not a plain, unreserved identifier', (name) => {
    expect(() => identifier(name, 'path parameter')).toThrow(/path parameter .* cannot be written as code/);
  });

  it('commentText cannot close a comment or end its line', () => {
    expect(commentText('a */ b\nc\r\nd\u2028e\u2029f')).toBe('a *\\/ b c d e f');
  });
});

describe('the generators, given a hostile spec that skipped spec:check', () => {
  it('refuse an operationId that cannot be a file name', () => {
    const doc = NAMED_PAYLOADS['operationId → file path']!();
    expect(() => generateValidatorFiles(doc, '')).toThrow(/operationId "\.\.\/\.\.\/test\/src\/zz-pwned-by-spec\.test" cannot name a file/);
  });

  it('refuse an operationId that would be code in the loaders', () => {
    const doc = NAMED_PAYLOADS['operationId → code']!();
    expect(() => generateValidatorFiles(doc, '')).toThrow(/cannot name a file/);
  });

  it('refuse a path parameter name that would be code', () => {
    const doc = baseSpec();
    doc.paths['/v0/zzz/{a`;let r=`}'] = { get: operation('GetV0Zzz', [{ name: 'a`;let r=`', in: 'path', required: true }]) };
    expect(() => resourceFiles(doc)).toThrow(/path parameter "a`;let r=`" cannot be written as code/);
  });

  it('refuse a path segment that would be code in a method or type name', () => {
    const doc = NAMED_PAYLOADS['path segment + parameter name → code']!();
    expect(() => resourceFiles(doc)).toThrow(/the type name prefix "ZzzX\(\):0}};.*" cannot be written as code/);
  });
});

describe('writes stay inside their folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'contained-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each(['../x.ts', 'a/../../x.ts', '/etc/x.ts', 'a\0b.ts', '', '..'])('pathInside refuses %j', (name) => {
    expect(() => pathInside(join(dir, 'generated'), name)).toThrow(/resolves outside/);
  });

  it.each(['api.ts', 'response-validators/GetV0Orders.ts', '..a.ts'])('pathInside accepts %j', (name) => {
    expect(pathInside(join(dir, 'generated'), name)).toBe(join(dir, 'generated', name));
  });

  it('writeGenerated checks every name before writing any file', async () => {
    const files = new Map([
      ['api.ts', 'export {};\n'],
      ['response-validators/../../planted.ts', 'planted\n'],
    ]);
    await expect(writeGenerated(join(dir, 'generated'), files)).rejects.toThrow(/resolves outside/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('the swap refuses a generated file name that climbs out, and changes nothing', async () => {
    await writeFile(join(dir, 'keep.txt'), 'old\n');
    const plan = { files: new Map(), dirs: new Map([['generated', new Map([['../../planted.ts', 'planted\n']])]]) };
    await expect(swapIn(dir, plan)).rejects.toThrow(/resolves outside/);
    expect((await readdir(dir)).sort()).toEqual(['keep.txt']);
  });
});
