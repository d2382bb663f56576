/** The client's options, their defaults, and the checks that turn bad options into clear errors. */
import { FungiesConfigError } from './errors.js';

export interface FungiesClientOptions {
  /**
   * Public API key (`pub_…`), sent as `x-fngs-public-key` on every request.
   * Dashboard → Developers → API keys.
   */
  publicKey: string;
  /**
   * Secret API key (`sec_…`), sent as `x-fngs-secret-key` only to operations whose `security`
   * in the spec requires it (the writes). Leave it out for a read-only client: a write then fails
   * before anything is sent.
   * @default undefined
   */
  secretKey?: string | undefined;
  /**
   * Where the API lives. Point it at a Prism mock or a staging server for tests.
   * @default 'https://api.fungies.io'
   */
  baseUrl?: string | undefined;
  /**
   * The `fetch` to use; tests inject one instead of mocking modules.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch | undefined;
  /**
   * Extra headers for every request. The key headers are managed by the client and cannot be set here.
   * @default {}
   */
  headers?: Record<string, string> | undefined;
}

export const DEFAULTS = {
  baseUrl: 'https://api.fungies.io',
} as const;

export interface NormalizedOptions {
  publicKey: string;
  secretKey: string | undefined;
  baseUrl: string;
  fetch: typeof fetch;
  headers: Record<string, string>;
}

const KEY_RULES = {
  publicKey: { prefix: 'pub_', env: 'FUNGIES_PUBLIC_KEY', other: 'sec_' },
  secretKey: { prefix: 'sec_', env: 'FUNGIES_SECRET_KEY', other: 'pub_' },
} as const;

const MANAGED_HEADERS = new Set(['x-fngs-public-key', 'x-fngs-secret-key']);

/** Checks a key's documented shape; the message never repeats the key itself. */
function checkKey(option: keyof typeof KEY_RULES, value: unknown): string {
  const rule = KEY_RULES[option];
  if (typeof value !== 'string' || value === '') {
    throw new FungiesConfigError(option, `${option} is missing: pass createFungiesClient({ ${option}: process.env.${rule.env} }) with your ${rule.prefix}… key`);
  }
  if (value.startsWith(rule.other)) {
    throw new FungiesConfigError(option, `${option} looks like a ${rule.other === 'pub_' ? 'public' : 'secret'} key (${rule.other}…): the ${option} starts with ${rule.prefix}; are the two keys swapped?`);
  }
  if (!value.startsWith(rule.prefix) || value.length <= rule.prefix.length || /\s/.test(value)) {
    throw new FungiesConfigError(option, `${option} is not a Fungies key: expected "${rule.prefix}" followed by the key's characters, with no spaces`);
  }
  return value;
}

export function normalizeOptions(options: FungiesClientOptions): NormalizedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new FungiesConfigError('options', 'createFungiesClient needs an options object: createFungiesClient({ publicKey, secretKey })');
  }
  const publicKey = checkKey('publicKey', options.publicKey);
  const secretKey = options.secretKey === undefined ? undefined : checkKey('secretKey', options.secretKey);
  const baseUrl = options.baseUrl ?? DEFAULTS.baseUrl;
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
  } catch {
    throw new FungiesConfigError('baseUrl', `baseUrl must be an absolute http(s) URL such as ${DEFAULTS.baseUrl}; got ${JSON.stringify(baseUrl)}`);
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new FungiesConfigError('fetch', 'fetch must be a function (Node 20 has one built in)');
  }
  const headers = { ...(options.headers ?? {}) };
  for (const name of Object.keys(headers)) {
    if (MANAGED_HEADERS.has(name.toLowerCase())) {
      throw new FungiesConfigError('headers', `headers.${name} is managed by the client: pass the key as ${name.toLowerCase().includes('secret') ? 'secretKey' : 'publicKey'} instead`);
    }
  }
  return { publicKey, secretKey, baseUrl: baseUrl.replace(/\/+$/, ''), fetch: fetchImpl, headers };
}
