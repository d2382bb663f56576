/**
 * What importing the client and creating it loads of node's own modules. A builtin the first call
 * does not need (node:crypto for webhooks, node:util for a spec defect's message) is loaded where
 * it is used, not at import: node:crypto alone costs a fresh process some 10 ms of CPU.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// tsx loads node:crypto itself, so the process's module list cannot tell; an ES module resolve hook
// sees every `node:` specifier the client's modules import.
const probe = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const resolved = new Set();
port1.on('message', (url) => resolved.add(url));
port1.unref();
register('data:text/javascript,' + encodeURIComponent(
  'let port; export function initialize(d) { port = d.port; } ' +
  'export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith("node:")) port.postMessage(r.url); return r; }'
), { data: { port: port2 }, transferList: [port2] });
const { createFungies, createFungiesClient, signWebhook, verifyWebhook } = await import('./src/index.ts');
createFungiesClient({ publicKey: 'pub_probe', secretKey: 'sec_probe' });
createFungies({ publicKey: 'pub_probe' });
await new Promise((r) => setTimeout(r, 50));
const atImport = [...resolved].sort();
const body = '{"type":"payment_success"}';
const verified = verifyWebhook({ body, signature: signWebhook(body, 'whsec_probe'), secret: 'whsec_probe' }).type;
console.log(JSON.stringify({ atImport, verified }));
`;

describe('importing the client', () => {
  it('loads no node builtin that a call does not need; webhooks load node:crypto when they run', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({ atImport: ['node:buffer', 'node:module'], verified: 'payment_success' });
  }, 40_000);
});
