/** The default transport's keep-alive sockets never hold a finished script open. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type Loopback, loopback } from '../loopback.js';

const script = fileURLToPath(new URL('./fixtures/one-request.ts', import.meta.url));
let server: Loopback | undefined;
afterAll(async () => server?.close());

describe('process exit', () => {
  it('a script that made one request exits while the server keeps the connection open', async () => {
    server = await loopback(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive', 'keep-alive': 'timeout=60' });
        res.end('{"status":"success","data":{"orders":[],"count":0}}');
      },
      { keepAliveTimeout: 60_000 },
    );
    const started = Date.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, server.url], { timeout: 20_000 });
    expect(stdout.trim()).toBe('200');
    // Loose: start-up takes a second or two; a held socket would keep it alive for the server's 60 s keep-alive.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
