/** The client loads no Ajv: path ids and response bodies are checked by validators precompiled into generated/. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cancelledOrder } from '../helpers.js';

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
