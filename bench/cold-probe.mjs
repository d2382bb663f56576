// Runs in a fresh node process: times importing one client and its first call, prints JSON.
// Modes `empty`, `import` and `require` stop after creating the client: the cold start is
// that process's wall over the `empty` one (the same file, importing nothing).
const [mode, url, dist, cjs] = process.argv.slice(2);
const path = '/v0/orders/{orderIdOrNumber}/cancel';
const init = { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} };
const keys = { publicKey: 'pub_BenchPublicKey123456', secretKey: 'sec_BenchSecretKey123456' };

if (mode === 'empty') process.exit(0);
if (mode === 'import') {
  const { createFungiesClient } = await import(dist);
  createFungiesClient({ ...keys, baseUrl: url });
  process.exit(0);
}
if (mode === 'require') {
  const { createRequire } = await import('node:module');
  const { createFungiesClient } = createRequire(import.meta.url)(cjs);
  createFungiesClient({ ...keys, baseUrl: url });
  process.exit(0);
}

const t0 = performance.now();
let call;
if (mode === 'fetch') {
  const fetch = globalThis.fetch;
  call = async () => (await fetch(`${url}/v0/orders/%23ABC123DEF456/cancel`, { method: 'PATCH', body: '{}' })).json();
} else if (mode === 'openapi-fetch') {
  const { default: createClient } = await import('openapi-fetch');
  const client = createClient({ baseUrl: url });
  call = () => client.PATCH(path, init);
} else {
  const { createFungiesClient } = await import(dist);
  const client = createFungiesClient({ ...keys, baseUrl: url, validateResponses: mode === 'client-validating' });
  call = () => client.PATCH(path, init);
}
const t1 = performance.now();
const first = await call();
const t2 = performance.now();
await call();
const t3 = performance.now();
if (first && typeof first === 'object' && 'error' in first && first.error !== undefined)
  throw new Error(`first call failed: ${JSON.stringify(first.error)}`);
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, secondCallMs: t3 - t2 }));
