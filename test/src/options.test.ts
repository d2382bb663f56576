// Client options: the pinned defaults, and for each bad value an error naming the option and the fix.
import { describe, expect, it } from 'vitest';
import { createFungiesClient, DEFAULTS, type FungiesClientOptions, FungiesConfigError } from '../../src/index.js';
import { PUBLIC_KEY, SECRET_KEY } from '../helpers.js';

const attempt = (options: unknown) => {
  try {
    createFungiesClient(options as FungiesClientOptions);
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
