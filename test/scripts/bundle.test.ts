// The client's bundles as the build writes them: what they hold, what they import, and that the
// operation table they carry is the generated one.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { bundleClient } from '../../scripts/lib/bundle.js';

const run = promisify(execFile);

// A plain node process (no tsx): the bundle alone, as an installed package runs it.
const probe = (load: string) => `
const { operations, findOperation, signWebhook, verifyWebhook } = ${load};
const body = '{"type":"payment_success"}';
const signature = signWebhook(body, 'whsec_probe');
const verified = verifyWebhook({ body, signature, secret: 'whsec_probe' }).type;
// validate: true requires the precompiled webhook validators from beside the bundle.
let validated = 'valid';
try { verifyWebhook({ body, signature, secret: 'whsec_probe', validate: true }); } catch (e) { validated = e.name; }
console.log(JSON.stringify({ operations, found: findOperation('patch', '/v0/orders/{orderIdOrNumber}/cancel')?.operationId, verified, validated }));
`;

describe('the client bundles', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'client-bundle-'));
    const generated = resolve('generated');
    await bundleClient(process.cwd(), generated, join(dir, 'index.mjs'), 'esm');
    await bundleClient(process.cwd(), generated, join(dir, 'index.cjs'), 'cjs');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('import only node builtins a call needs: openapi-fetch is inside, node:crypto is required by webhooks when they run', async () => {
    const text = await readFile(join(dir, 'index.mjs'), 'utf8');
    const imports = [...text.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
    expect([...new Set(imports)].sort()).toEqual(['node:buffer', 'node:module']);
  });

  it('the CommonJS one with its own require: no node:module, no dynamic import (either would start the ES module loader)', async () => {
    const text = await readFile(join(dir, 'index.cjs'), 'utf8');
    const required = [...new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
    expect(required).toEqual(['node:buffer', 'node:http', 'node:https', 'node:zlib']);
    expect(/\bimport\(/.test(text)).toBe(false);
  });

  it('carry the operation table as one JSON text, parsed at import instead of compiled as code', async () => {
    for (const file of ['index.mjs', 'index.cjs']) {
      const text = await readFile(join(dir, file), 'utf8');
      expect(/operations\s*=\s*JSON\.parse\(/.test(text), file).toBe(true);
      expect(text.includes('summary:"Get discount details"'), file).toBe(false);
    }
  });

  it('give the generated operations, find an operation and verify a webhook, from either format', async () => {
    const esm = probe(`await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)})`);
    const cjs = probe(`require(${JSON.stringify(join(dir, 'index.cjs'))})`);
    for (const args of [
      ['--input-type=module', '-e', esm],
      ['-e', cjs],
    ]) {
      const { stdout } = await run(process.execPath, args, { timeout: 30_000 });
      const result = JSON.parse(stdout) as { operations: unknown; found: string; verified: string; validated: string };
      expect(result.operations).toEqual(JSON.parse(JSON.stringify(operations)));
      expect(Object.keys(result.operations as object)).toEqual(Object.keys(operations));
      expect(result.found).toBe('PatchV0OrdersOrderIdOrNumberCancel');
      expect(result.verified).toBe('payment_success');
      expect(result.validated).toBe('WebhookValidationError');
    }
  });
});
