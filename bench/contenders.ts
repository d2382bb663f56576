/** The HTTP clients compared on the same cancel-order call: each entry makes one call and reads the parsed body. */
import axios from 'axios';
import ky from 'ky';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/api.js';
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../src/auth.js';
import { createFungies, createFungiesClient, type FungiesClientOptions } from '../src/index.js';

export interface Contender {
  name: string;
  call: () => Promise<unknown>;
}

const PUBLIC_KEY = 'pub_BenchPublicKey123456';
const SECRET_KEY = 'sec_BenchSecretKey123456';
const ORDER = '#ABC123DEF456';
const PATH = '/v0/orders/{orderIdOrNumber}/cancel' as const;
const headers = { [PUBLIC_KEY_HEADER]: PUBLIC_KEY, [SECRET_KEY_HEADER]: SECRET_KEY, 'content-type': 'application/json' };

export function contenders(baseUrl: string): Contender[] {
  const url = `${baseUrl}/v0/orders/${encodeURIComponent(ORDER)}/cancel`;
  const bare = createClient<paths>({ baseUrl, headers: { [PUBLIC_KEY_HEADER]: PUBLIC_KEY, [SECRET_KEY_HEADER]: SECRET_KEY } });
  const fungies = (options: Partial<FungiesClientOptions> = {}) =>
    createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl, ...options });
  const byDefault = fungies();
  const noRetry = fungies({ retry: false });
  const validating = fungies({ validateResponses: true });
  const init = { params: { path: { orderIdOrNumber: ORDER } }, body: {} } as const;
  const http = axios.create({ headers });
  const kyClient = ky.create({ headers, retry: 0, timeout: false });
  const list: Contender[] = [
    { name: 'raw fetch', call: async () => (await fetch(url, { method: 'PATCH', headers, body: '{}' })).json() },
    { name: 'bare openapi-fetch', call: () => bare.PATCH(PATH, init) },
    { name: 'client, defaults', call: () => byDefault.PATCH(PATH, init) },
    { name: 'client, retry: false', call: () => noRetry.PATCH(PATH, init) },
    { name: 'client, validateResponses', call: () => validating.PATCH(PATH, init) },
    { name: 'axios', call: async () => (await http.patch(url, {})).data },
    { name: 'ky', call: () => kyClient.patch(url, { json: {} }).json() },
  ];
  const resources = createFungies({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl });
  list.splice(5, 0, { name: 'client, resource method', call: () => resources.orders.cancel(ORDER) });
  return list;
}
