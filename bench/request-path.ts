/**
 * Per-request cost of the client's request path against raw fetch on a loopback server (ratios,
 * interleaved rounds, median with min–max). Run: npx tsx bench/request-path.ts [--rounds N]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/api.js';
import { createFungiesClient } from '../src/index.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const SEQ = 300;
const CONC = 1200;
const IN_FLIGHT = 32;

const order = {
  object: 'order',
  id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  number: '#ABC123DEF456',
  status: 'CANCELLED',
  createdAt: 1700000000000,
  orderNumber: '#ABC123DEF456',
  value: 1999,
  fee: 120,
  tax: 0,
  currency: 'USD',
  country: 'US',
  userId: '7a4c1e2b-9d3f-4a8e-b5c6-1f2e3d4c5b6a',
  paymentId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};
const body = JSON.stringify({ status: 'success', data: { order: { ...order, note: 'x'.repeat(Math.max(0, 718 - JSON.stringify({ status: 'success', data: { order } }).length - 10)) } } });

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const keys = { publicKey: 'pub_BenchPublicKey0000', secretKey: 'sec_BenchSecretKey0000' };
const path = '/v0/orders/{orderIdOrNumber}/cancel' as const;
const init = { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} };

const bare = createClient<paths>({ baseUrl });
const client = createFungiesClient({ ...keys, baseUrl });
const noRetry = createFungiesClient({ ...keys, baseUrl, retry: false });
const validating = createFungiesClient({ ...keys, baseUrl, validateResponses: true });
const viaFetch = createFungiesClient({ ...keys, baseUrl, fetch: (input, init) => fetch(input, init) });

const contenders: Record<string, () => Promise<unknown>> = {
  'raw fetch': () =>
    fetch(`${baseUrl}/v0/orders/%23ABC123DEF456/cancel`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-fngs-public-key': keys.publicKey, 'x-fngs-secret-key': keys.secretKey },
      body: '{}',
    }).then((r) => r.json()),
  'bare openapi-fetch': () => bare.PATCH(path, init),
  'client (defaults)': () => client.PATCH(path, init),
  'client (retry: false)': () => noRetry.PATCH(path, init),
  'client (validateResponses)': () => validating.PATCH(path, init),
  'client (injected fetch)': () => viaFetch.PATCH(path, init),
};

async function sequential(call: () => Promise<unknown>, n: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await call();
  return (performance.now() - started) / n;
}

async function concurrent(call: () => Promise<unknown>, n: number): Promise<number> {
  const started = performance.now();
  let left = n;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (left-- > 0) await call();
    }),
  );
  return (performance.now() - started) / n;
}

const names = Object.keys(contenders);
const ratios: Record<string, { seq: number[]; conc: number[] }> = Object.fromEntries(names.map((n) => [n, { seq: [], conc: [] }]));
for (const call of Object.values(contenders)) await sequential(call, 100); // warm-up
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [...names].reverse() : names;
  const seq: Record<string, number> = {};
  const conc: Record<string, number> = {};
  for (const name of order) seq[name] = await sequential(contenders[name]!, SEQ);
  for (const name of order) conc[name] = await concurrent(contenders[name]!, CONC);
  for (const name of names) {
    ratios[name]!.seq.push(seq[name]! / seq['raw fetch']!);
    ratios[name]!.conc.push(conc[name]! / conc['raw fetch']!);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const show = (xs: number[]) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
console.log(`node ${process.version}, ${rounds} rounds, ${SEQ} sequential / ${CONC} at ${IN_FLIGHT} in flight per round; ratio to raw fetch, median (min–max)`);
for (const name of names) console.log(`${name.padEnd(28)} sequential ${show(ratios[name]!.seq)}   32 in flight ${show(ratios[name]!.conc)}`);
server.close();
