/**
 * A target run by an attacker: an endless body, a body that drips, thousands of invalid items, a
 * newline in a JSON key, a report path that is a symlink. The run stays bounded in size and time,
 * never crashes, never lets the server write a line of its own, never writes through a link.
 */
import { lstat, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import type { RunData } from '../../contract-tests/engine/types.js';
import { KEYS, memoryIo, useTempDir } from './helpers.js';

const LIST = 'GetV0OrdersList';
const tmp = useTempDir('fungies-hostile-');

/** The most bytes the server managed to send on one connection, per mode: how much a check read at most. */
const sent: Record<string, number> = {};

const invalidItems = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 'x', number: 5, status: 'NOPE', [`bogus${i}`]: i }));

const MODES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  endless(_req, res) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let mine = 0;
    const pump = () => {
      while (!res.destroyed) {
        mine += chunk.length;
        sent['endless'] = Math.max(sent['endless'] ?? 0, mine);
        if (!res.write(chunk)) break;
      }
      if (!res.destroyed) res.once('drain', pump);
    };
    res.write('{"status":"success","data":"');
    pump();
  },
  drip(_req, res) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"status":"success","data":"');
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('a')), 50);
    res.on('close', () => clearInterval(timer));
  },
  'many-invalid'(_req, res) {
    // 10 000 findings per check, over every check of the run; the crash itself is provoked by `check` below, on one body.
    const body = JSON.stringify({ status: 'success', data: { orders: invalidItems(2_000), count: 2_000 } });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  },
  'newline-key'(_req, res) {
    const forged = `x\n\u2714 ${LIST} passed\n::error::forged by the server\n`;
    // A key sent twice is named in the duplicate_key finding's pointer.
    const key = JSON.stringify(forged);
    const body = `{"status":"success","data":{"orders":[],"count":0,${key}:1,${key}:2}}`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  },
};

let server: ReturnType<typeof createServer>;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const mode = (req.url ?? '/').split('/')[1] ?? '';
    const handle = MODES[mode];
    if (handle) handle(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const env = { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey };

async function runAgainst(mode: string, extra: string[] = []) {
  const io = memoryIo('', env);
  const json = join(tmp.dir, `${mode}.json`);
  const code = await main(['run', '--target', `${base}/${mode}`, '--operation', LIST, '--json', json, ...extra], io);
  const report = code === 2 ? undefined : (JSON.parse(await readFile(json, 'utf8')) as RunData);
  return { code, io, report };
}

const rulesOf = (report: RunData | undefined) => new Set(report?.checks.flatMap((c) => c.findings.map((f) => f.rule)));

describe('run against a hostile target', () => {
  it('stops reading an endless body at --max-response-bytes and reports it as a finding', async () => {
    const { code, report } = await runAgainst('endless', ['--max-response-bytes', '262144', '--timeout', '20000']);
    expect(code).toBe(1);
    expect(rulesOf(report)).toContain('max_response_bytes');
    // Each check read at most the cap: what one connection got sent is the cap plus socket buffers, never gigabytes.
    expect(sent['endless'] ?? 0).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);

  it('gives up on a body that drips past the deadline, naming the deadline', async () => {
    const { code, report } = await runAgainst('drip', ['--timeout', '600']);
    expect(code).toBe(1);
    const actual = report!.checks.flatMap((c) => c.findings).find((f) => f.rule === 'timeout');
    expect(actual?.expected).toContain('600 ms');
  }, 60_000);

  it('caps thousands of findings on one check with a count instead of crashing', async () => {
    const { code, io, report } = await runAgainst('many-invalid');
    expect(io.err()).not.toContain('RangeError');
    expect(code).toBe(1);
    const check = report!.checks.find((c) => c.kind === 'positive' || c.kind === 'status')!;
    expect(check.findings.length).toBeLessThanOrEqual(101);
    const more = check.findings.find((f) => f.rule === 'too_many_findings');
    expect(more?.actual).toMatch(/^\d+ more findings not shown$/);
  }, 60_000);

  it('check <file> with thousands of invalid items reports a count instead of crashing', async () => {
    const file = join(tmp.dir, 'many.json');
    await writeFile(file, JSON.stringify({ status: 'success', data: { orders: invalidItems(30_000), count: 3 } }));
    const io = memoryIo('', { NO_COLOR: '1' });
    expect(await main(['check', LIST, '200', file], io)).toBe(1);
    expect(io.out()).toMatch(/\d+ more findings not shown/);
  }, 60_000);

  it('shows a newline in a JSON key as an escape: the server cannot forge a line or a workflow command', async () => {
    const { io } = await runAgainst('newline-key');
    const lines = (io.out() + io.err()).split('\n');
    // The forged text is shown inside the line that quotes it, never at the start of a line.
    expect(lines.filter((l) => l.includes('forged')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
    expect(lines.filter((l) => l.trimStart().startsWith(`\u2714 ${LIST} passed`))).toEqual([]);
  }, 60_000);

  it('writes a report by replacing a symlink at its path, never through it', async () => {
    const victim = join(tmp.dir, 'victim.txt');
    await writeFile(victim, 'keep me');
    const json = join(tmp.dir, 'linked.json');
    await symlink(victim, json);
    const io = memoryIo('', env);
    await main(['run', '--target', `${base}/newline-key`, '--operation', LIST, '--json', json], io);
    expect(await readFile(victim, 'utf8')).toBe('keep me');
    expect((await lstat(json)).isSymbolicLink()).toBe(false);
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({ tool: 'fungies-contract' });
  }, 60_000);
});
