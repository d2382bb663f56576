/**
 * What importing the client and creating it loads of node's own modules. A builtin the first call
 * does not need (node:crypto for webhooks, node:util for a spec defect's message) is loaded where
 * it is used, not at import: node:crypto alone costs a fresh process some 10 ms of CPU.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RECORD_RESOLVED } from './resolved-modules.js';

const run = promisify(execFile);

// The node builtins the client's modules import, as a resolve hook sees them (resolved-modules.ts).
const probe = `${RECORD_RESOLVED}
const { createFungies, createFungiesClient, signWebhook, verifyWebhook } = await import('./src/index.ts');
createFungiesClient({ publicKey: 'pub_probe', secretKey: 'sec_probe' });
createFungies({ publicKey: 'pub_probe' });
await new Promise((r) => setTimeout(r, 50));
const atImport = [...new Set(resolved.filter((url) => url.startsWith('node:')))].sort();
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
