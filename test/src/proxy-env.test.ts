/**
 * HTTP_PROXY / HTTPS_PROXY: the client's own transport does not tunnel through a proxy, so a
 * proxy set for the API's URL is refused when the client is created, never silently bypassed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFungiesClient, FungiesConfigError } from '../../src/index.js';
import { PUBLIC_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

const PROXY = 'http://user:proxy-password@proxy.invalid:3128';
const open: Loopback[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function stubProxyEnv(values: Record<string, string>): void {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy'])
    vi.stubEnv(name, values[name] ?? '');
}

function creation(options: Record<string, unknown> = {}): unknown {
  try {
    createFungiesClient({ publicKey: PUBLIC_KEY, ...options });
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('proxy environment variables', () => {
  it.each([
    ['HTTPS_PROXY', {}],
    ['https_proxy', {}],
    ['HTTP_PROXY', { baseUrl: 'http://api.internal.test' }],
  ])('%s for the API is refused with the fix named, and the proxy URL is not shown', (variable, options) => {
    stubProxyEnv({ [variable]: PROXY });
    const error = creation(options);
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as FungiesConfigError).option).toBe('fetch');
    expect((error as Error).message).toContain(variable);
    expect((error as Error).message).toContain('NO_PROXY');
    expect((error as Error).message).not.toContain('proxy-password');
    expect((error as Error).message).not.toContain('proxy.invalid');
  });

  it.each(['api.fungies.io', '.fungies.io', 'fungies.io', '*', 'localhost, api.fungies.io:443', 'API.FUNGIES.IO'])(
    'NO_PROXY=%s lets the client reach the API directly',
    (noProxy) => {
      stubProxyEnv({ HTTPS_PROXY: PROXY, NO_PROXY: noProxy });
      expect(creation()).toBeUndefined();
    },
  );

  it.each(['fungies.io.evil', 'api.fungies.io:8443', 'other.example'])('NO_PROXY=%s does not cover api.fungies.io', (noProxy) => {
    stubProxyEnv({ HTTPS_PROXY: PROXY, NO_PROXY: noProxy });
    expect(creation()).toBeInstanceOf(FungiesConfigError);
  });

  it('an HTTP_PROXY does not apply to an https API, nor an HTTPS_PROXY to an http one', () => {
    stubProxyEnv({ HTTP_PROXY: PROXY });
    expect(creation()).toBeUndefined();
    stubProxyEnv({ HTTPS_PROXY: PROXY });
    expect(creation({ baseUrl: 'http://127.0.0.1:9' })).toBeUndefined();
  });

  it('a client given its own fetch sends through it, proxy or not', async () => {
    stubProxyEnv({ HTTP_PROXY: PROXY });
    const server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { orders: [], count: 0 } }));
    });
    open.push(server);
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, fetch: globalThis.fetch });
    expect((await client.GET('/v0/orders/list')).data?.status).toBe('success');
  });
});
