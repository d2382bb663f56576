/** The client loads no Ajv: path ids and response bodies are checked by validators precompiled into generated/. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cancelledOrder } from '../helpers.js';
import { RECORD_RESOLVED } from './resolved-modules.js';

const run = promisify(execFile);

// A fresh process, so the module graph is the client's own and not the test runner's.
// Ajv's core is CommonJS: once loaded, it sits in the CommonJS module cache.
const probe = (validateResponses: boolean, body: string) => `
import { createRequire } from 'node:module';
const { createFungiesClient } = await import('./src/index.ts');
const fetch = async () => new Response(${JSON.stringify(body)}, { headers: { 'content-type': 'application/json' } });
const client = createFungiesClient({ publicKey: 'pub_probe', secretKey: 'sec_probe', baseUrl: 'https://api.test', fetch, validateResponses: ${validateResponses} });
let outcome = 'ok';
try {
  await client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} });
} catch (e) { outcome = e.name; }
try { await client.GET('/v0/orders/{orderIdOrNumber}', { params: { path: { orderIdOrNumber: '#ABC' } } }); } catch (e) { outcome += ' ' + e.name; }
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /node_modules[\\\\/]ajv[\\\\/]dist[\\\\/](core|ajv|2020|compile)/.test(f));
console.log(JSON.stringify({ outcome, ajv: loaded.length }));
`;

async function probeClient(validateResponses: boolean, body: unknown): Promise<{ outcome: string; ajv: number }> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', probe(validateResponses, JSON.stringify(body))],
    {
      timeout: 30_000,
    },
  );
  return JSON.parse(stdout) as { outcome: string; ajv: number };
}

describe('validation at run time', () => {
  it('checks a path id without loading Ajv when responses are not validated', async () => {
    expect(await probeClient(false, cancelledOrder)).toEqual({ outcome: 'ok InvalidParameterError', ajv: 0 });
  }, 40_000);

  it('validates responses without loading Ajv or compiling anything', async () => {
    expect(await probeClient(true, { ...cancelledOrder, status: '<string>' })).toEqual({
      outcome: 'ResponseValidationError InvalidParameterError',
      ajv: 0,
    });
  }, 40_000);
});

// Every module the process loads, whichever way: ES modules through a resolve hook, CommonJS files from
// require's cache. The precompiled validators other than the path ids' must wait for their first use.
const loadedValidators = `${RECORD_RESOLVED}
import { createRequire } from 'node:module';
globalThis.loadedValidators = async () => {
  await new Promise((r) => setTimeout(r, 50));
  return [...resolved, ...Object.keys(createRequire(import.meta.url).cache)]
    .map((f) => String(f).replaceAll('\\\\', '/'))
    .filter((f) => /generated\\/(webhook-validators|shared-validators|response-validators\\/)/.test(f))
    .map((f) => f.slice(f.indexOf('generated/')).replace(/\\/[\\w]+\\.(ts|js|cjs)$/, '/…'))
    .filter((f, i, all) => all.indexOf(f) === i)
    .sort();
};
const { createFungiesClient, verifyWebhook, signWebhook } = await import('./src/index.ts');
const fetch = async () => new Response(${JSON.stringify(JSON.stringify(cancelledOrder))}, { headers: { 'content-type': 'application/json' } });
const client = createFungiesClient({ publicKey: 'pub_probe', secretKey: 'sec_probe', baseUrl: 'https://api.test', fetch });
await client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} });
const body = JSON.stringify({ type: 'payment_success' });
const signature = signWebhook(body, 'whsec_probe');
verifyWebhook({ body, signature, secret: 'whsec_probe' });
const afterCall = await globalThis.loadedValidators();
let outcome = 'valid';
try { verifyWebhook({ body, signature, secret: 'whsec_probe', validate: true }); } catch (e) { outcome = e.name; }
console.log(JSON.stringify({ afterCall, outcome, afterValidate: await globalThis.loadedValidators() }));
`;

describe('validators loaded on first use', () => {
  it('a client that calls and verifies a webhook without validate loads no validators but the path ids', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', loadedValidators], { timeout: 30_000 });
    const { afterCall, outcome, afterValidate } = JSON.parse(stdout) as { afterCall: string[]; outcome: string; afterValidate: string[] };
    expect(afterCall).toEqual([]);
    expect(outcome).toBe('WebhookValidationError');
    expect(afterValidate.some((f) => f.startsWith('generated/webhook-validators'))).toBe(true);
  }, 40_000);
});

describe('creating a client', () => {
  // Node 20 defines Request, Response and Headers as lazy getters: the first read loads its bundled
  // fetch (tens of ms), after which the global is a plain value.
  it("does not load node's fetch: a call sent directly never needs it", async () => {
    const script = `
const before = 'value' in Object.getOwnPropertyDescriptor(globalThis, 'Request');
const { createFungies, createFungiesClient } = await import('./src/index.ts');
createFungies({ publicKey: 'pub_probe' });
createFungiesClient({ publicKey: 'pub_probe' });
const loaded = ['Request', 'Response', 'Headers'].filter((name) => 'value' in Object.getOwnPropertyDescriptor(globalThis, name));
console.log(JSON.stringify({ before, loaded }));
`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({ before: false, loaded: [] });
  }, 40_000);
});
