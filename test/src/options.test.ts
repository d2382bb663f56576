// Client options: the pinned defaults, and for each bad value an error naming the option and the fix.
import { describe, expect, it } from 'vitest';
import { createFungies, createFungiesClient, DEFAULTS, type FungiesClientOptions, FungiesConfigError } from '../../src/index.js';
import { json, PUBLIC_KEY, recordingFetch, SECRET_KEY } from '../helpers.js';

/** The error the factory throws for `options` (createFungiesClient unless another factory is named). */
const attempt = (options: unknown, factory: (o: FungiesClientOptions) => unknown = createFungiesClient) => {
  try {
    factory(options as FungiesClientOptions);
  } catch (err) {
    return err as FungiesConfigError;
  }
  throw new Error('expected a FungiesConfigError');
};

describe('options', () => {
  it('pins the defaults', () => {
    expect(DEFAULTS).toEqual({
      baseUrl: 'https://api.fungies.io',
      timeout: 30_000,
      maxResponseBytes: 16 * 1024 * 1024,
      maxSockets: 32,
      validateResponses: false,
      retry: { limit: 2, methods: ['GET', 'HEAD', 'OPTIONS'], statusCodes: [408, 425, 429, 500, 502, 503, 504], maxRetryAfterMs: 60_000 },
    });
  });

  it.each([
    [
      'missing publicKey',
      { secretKey: SECRET_KEY },
      'publicKey',
      'publicKey is missing: pass createFungiesClient({ publicKey: process.env.FUNGIES_PUBLIC_KEY }) with your pub_… key',
    ],
    ['empty publicKey', { publicKey: '' }, 'publicKey', 'publicKey is missing'],
    [
      'keys swapped',
      { publicKey: SECRET_KEY },
      'publicKey',
      'publicKey looks like a secret key (sec_…): the publicKey starts with pub_; are the two keys swapped?',
    ],
    [
      'malformed secretKey',
      { publicKey: PUBLIC_KEY, secretKey: 'hunter2 x' },
      'secretKey',
      'secretKey is not a Fungies key: expected "sec_" followed by the key\'s characters, with no spaces',
    ],
    ['relative baseUrl', { publicKey: PUBLIC_KEY, baseUrl: 'api.fungies.io' }, 'baseUrl', 'baseUrl must be an absolute http(s) URL'],
    [
      // The password is not repeated: the message says what to remove, not what was there.
      'baseUrl with a user and password',
      { publicKey: PUBLIC_KEY, baseUrl: 'https://me:hunter2@api.fungies.io' },
      'baseUrl',
      'baseUrl must not carry a user name or password (user:password@): remove them; the API keys are the only credentials sent',
    ],
    [
      // A base URL is a prefix: a path appended after "?x=1" or "#top" lands in the query or is never sent.
      'baseUrl with a query',
      { publicKey: PUBLIC_KEY, baseUrl: 'https://api.fungies.io/?debug=1' },
      'baseUrl',
      'baseUrl must not have a query (?…) or fragment (#…): request paths are appended to it; got "https://api.fungies.io/?debug=1"',
    ],
    [
      'baseUrl with a fragment',
      { publicKey: PUBLIC_KEY, baseUrl: 'https://api.fungies.io#top' },
      'baseUrl',
      'baseUrl must not have a query',
    ],
    [
      'key in headers',
      { publicKey: PUBLIC_KEY, headers: { 'X-Fngs-Secret-Key': SECRET_KEY } },
      'headers',
      'headers.X-Fngs-Secret-Key is managed by the client: pass the key as secretKey instead',
    ],
    ['no options', undefined, 'options', 'createFungiesClient needs an options object'],
    [
      'negative timeout',
      { publicKey: PUBLIC_KEY, timeout: -1 },
      'timeout',
      'timeout must be a positive number of milliseconds or false; got -1',
    ],
    ['fractional retry', { publicKey: PUBLIC_KEY, retry: 1.5 }, 'retry', 'retry.limit must be a whole number ≥ 0; got 1.5'],
    [
      'retry.methods not an array',
      { publicKey: PUBLIC_KEY, retry: { methods: 'GET' } },
      'retry',
      'retry.methods must be an array of HTTP method names',
    ],
    [
      'validateResponses not a boolean',
      { publicKey: PUBLIC_KEY, validateResponses: 'yes' },
      'validateResponses',
      'validateResponses must be true or false; got "yes"',
    ],
    ['log not a function', { publicKey: PUBLIC_KEY, log: 'debug' }, 'log', 'log must be a function'],
    [
      'maxResponseBytes zero',
      { publicKey: PUBLIC_KEY, maxResponseBytes: 0 },
      'maxResponseBytes',
      'maxResponseBytes must be a positive whole number of bytes, e.g. 16777216; got 0',
    ],
    [
      'logger without methods',
      { publicKey: PUBLIC_KEY, logger: (m: string) => m },
      'logger',
      'logger must have debug, info and warn methods, e.g. logger: console',
    ],
    [
      'unknown logLevel',
      { publicKey: PUBLIC_KEY, logLevel: 'verbose' },
      'logLevel',
      'logLevel must be "debug", "info", "warn" or "off"; got "verbose"',
    ],
  ])('%s: names the option and the fix', (_name, options, option, message) => {
    const error = attempt(options);
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect(error.option).toBe(option);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain(SECRET_KEY);
  });

  it('treats an undefined override as "use the default"', async () => {
    const seen: string[] = [];
    const client = createFungiesClient({
      publicKey: PUBLIC_KEY,
      baseUrl: undefined,
      fetch: async (input) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
      secretKey: SECRET_KEY,
    });
    await client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '123456789012' } }, body: {} });
    expect(seen[0]).toBe('https://api.fungies.io/v0/orders/123456789012/cancel');
  });
});

describe('options as JavaScript callers pass them', () => {
  const fromFungies = (options: unknown) => attempt(options, createFungies);

  it.each([
    ['maxRetries', 3, 'retry'],
    ['timout', 1000, 'timeout'],
    ['apiKey', PUBLIC_KEY, 'publicKey'],
    ['baseURL', 'https://api.fungies.io', 'baseUrl'],
    ['validateResponse', true, 'validateResponses'],
  ])('an unknown option %s throws, naming it and the nearest known option (%s)', (name, value, nearest) => {
    const err = attempt({ publicKey: PUBLIC_KEY, [name]: value });
    expect(err).toBeInstanceOf(FungiesConfigError);
    expect(err.option).toBe(name);
    expect(err.message).toContain(`${name} is not an option`);
    expect(err.message).toContain(`did you mean ${nearest}?`);
  });

  it('an unknown option far from any known one lists the options', () => {
    expect(attempt({ publicKey: PUBLIC_KEY, zzzzzzzz: 1 }).message).toMatch(
      /zzzzzzzz is not an option of createFungiesClient: use publicKey, secretKey, baseUrl/,
    );
  });

  it('an empty secretKey (an unset CI secret) is treated as absent: reads work, a write fails naming the option', async () => {
    const { fetch, requests } = recordingFetch(() => json({ status: 'success', data: { orders: [], count: 0 } }));
    const fungies = createFungies({ publicKey: PUBLIC_KEY, secretKey: '', baseUrl: 'https://api.test', fetch });
    await fungies.orders.list();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.has('x-fngs-secret-key')).toBe(false);
    const err = await fungies.orders.cancel('#ABC123DEF456').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FungiesConfigError);
    expect((err as FungiesConfigError).option).toBe('secretKey');
    expect(requests).toHaveLength(1);
  });

  it.each(['https://api.fungies.io/v0', 'https://api.fungies.io/v0/', 'http://127.0.0.1:4010/v0'])(
    'a baseUrl ending in the /v0 the paths already carry (%s) is refused with the URL to use',
    (baseUrl) => {
      const err = attempt({ publicKey: PUBLIC_KEY, baseUrl });
      expect(err.option).toBe('baseUrl');
      expect(err.message).toContain('ends in /v0');
      expect(err.message).toContain(`use ${baseUrl.replace(/\/v0\/?$/, '')}`);
    },
  );

  it('a baseUrl with another path (a proxy prefix) is kept', () => {
    expect(() => createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: 'https://proxy.example.com/fungies' })).not.toThrow();
  });

  it('messages name the factory the caller used', () => {
    expect(fromFungies({}).message).toContain('createFungies({ publicKey');
    expect(fromFungies({}).message).not.toContain('createFungiesClient');
    expect(fromFungies(undefined).message).toMatch(/^createFungies needs an options object/);
    expect(fromFungies({ publicKey: PUBLIC_KEY, maxRetries: 1 }).message).toContain('not an option of createFungies:');
    expect(attempt({}).message).toContain('createFungiesClient({ publicKey');
  });
});
