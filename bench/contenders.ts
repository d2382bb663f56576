/**
 * The HTTP clients compared on the same cancel-order call: each entry makes one call and reads the
 * parsed body. The first, raw node:http on a keep-alive agent with JSON.parse, is the floor the
 * client's own transport stands on; every ratio is taken against it.
 */
import { Agent, request as httpRequest } from 'node:http';
import axios from 'axios';
import got from 'got';
import ky from 'ky';
import createClient from 'openapi-fetch';
import { Agent as UndiciAgent, request as undiciRequest } from 'undici';
import type { paths } from '../generated/api.js';
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../src/auth.js';
import { IDLE_SOCKET_MS } from '../src/http-send.js';
import { createFungies, createFungiesClient, DEFAULTS, type FungiesClientOptions } from '../src/index.js';

/** The row every ratio is taken against. */
export const FLOOR = 'raw node:http + keep-alive agent';
/** The floor's call on an agent set up as the client's (the socket cap, the idle timeout, LIFO): what those settings cost alone. */
export const CAPPED_FLOOR = "raw node:http + the client's agent settings";

export interface Contender {
  name: string;
  call: () => Promise<unknown>;
  /** Sampled right beside this contender in every round, one floor sample for both (bench/throughput.ts). */
  beside?: string;
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
  const gotClient = got.extend({ headers, retry: { limit: 0 } });
  const rawHeaders = { ...headers, 'content-length': '2' };
  const rawOn = (agent: Agent) => () =>
    new Promise<unknown>((resolve, reject) => {
      const req = httpRequest(url, { method: 'PATCH', headers: rawHeaders, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end('{}');
    });
  const capped = new Agent({ keepAlive: true, maxSockets: DEFAULTS.maxSockets, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' });
  const dispatcher = new UndiciAgent();
  const list: Contender[] = [
    { name: FLOOR, call: rawOn(new Agent({ keepAlive: true })) },
    { name: CAPPED_FLOOR, call: rawOn(capped) },
    {
      name: 'undici request()',
      call: async () => JSON.parse(await (await undiciRequest(url, { method: 'PATCH', headers, body: '{}', dispatcher })).body.text()),
    },
    { name: 'raw fetch', call: async () => (await fetch(url, { method: 'PATCH', headers, body: '{}' })).json() },
    { name: 'bare openapi-fetch', call: () => bare.PATCH(PATH, init) },
    { name: 'client, defaults', call: () => byDefault.PATCH(PATH, init) },
    { name: 'client, retry: false', call: () => noRetry.PATCH(PATH, init) },
    { name: 'client, validateResponses', call: () => validating.PATCH(PATH, init), beside: 'client, defaults' },
    { name: 'axios', call: async () => (await http.patch(url, {})).data },
    { name: 'got', call: () => gotClient.patch(url, { json: {} }).json() },
    { name: 'ky', call: () => kyClient.patch(url, { json: {} }).json() },
  ];
  const resources = createFungies({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl });
  list.splice(6, 0, { name: 'client, resource method', call: () => resources.orders.cancel(ORDER) });
  return list;
}

/**
 * The large-list rows: one `GET /v0/orders/list?take=N` page of `count` orders, read and parsed,
 * by the floor and by the client with and without validateResponses, both styles.
 */
export function listContenders(baseUrl: string, count: number): Contender[] {
  const url = `${baseUrl}/v0/orders/list?take=${count}`;
  const agent = new Agent({ keepAlive: true });
  const rawHeaders = { [PUBLIC_KEY_HEADER]: PUBLIC_KEY };
  const raw = () =>
    new Promise<unknown>((resolve, reject) => {
      const req = httpRequest(url, { method: 'GET', headers: rawHeaders, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const options = { publicKey: PUBLIC_KEY, baseUrl };
  const byDefault = createFungiesClient(options);
  const validating = createFungiesClient({ ...options, validateResponses: true });
  const resources = createFungies(options);
  const resourcesValidating = createFungies({ ...options, validateResponses: true });
  const init = { params: { query: { take: count } } };
  return [
    { name: FLOOR, call: raw },
    { name: 'client, defaults', call: () => byDefault.GET('/v0/orders/list', init) },
    { name: 'client, validateResponses', call: () => validating.GET('/v0/orders/list', init), beside: 'client, defaults' },
    { name: 'client, resource method', call: () => resources.orders.list({ take: count }) },
    {
      name: 'client, resource method, validateResponses',
      call: () => resourcesValidating.orders.list({ take: count }),
      beside: 'client, resource method',
    },
  ];
}
