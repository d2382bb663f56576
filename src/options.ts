/** The client's options, their defaults, and the checks that turn bad options into clear errors. */
import { KEY_HEADER_OPTIONS } from './auth.js';
import { FungiesConfigError } from './errors.js';
import { checkHeaders } from './headers.js';
import { parseHttpUrl } from './http-url.js';
import { createRequestLog, type FungiesLogger, type LogLevel, type RequestLog } from './logger.js';
import { HTTP_METHODS, SAFE_METHODS } from './operation-meta.js';
import { proxyVariableFor } from './proxy-env.js';
import type { RetryPolicy } from './retry.js';

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
   * A `fetch` to send requests with (tests inject one instead of mocking modules). Without one,
   * the client sends with node:http/node:https on keep-alive agents, which costs far less per
   * request than the global fetch; redirects, timeouts and the body cap behave the same either way.
   * That transport does not go through a proxy: with HTTPS_PROXY / HTTP_PROXY set for the API (and
   * not covered by NO_PROXY) the client refuses to start; pass a fetch that uses the proxy.
   * @default undefined (node:http / node:https)
   */
  fetch?: typeof fetch | undefined;
  /**
   * Extra headers for every request. The key headers are managed by the client and cannot be set here.
   * @default {}
   */
  headers?: Record<string, string> | undefined;
  /**
   * Time allowed for each attempt, in milliseconds, from sending the request to the last byte of
   * the response body; `false` for no limit. A request that times out throws `FungiesTimeoutError`. Reads that time out are retried, so in the worst case a call
   * takes about `(retry.limit + 1) × timeout` plus the waits between attempts.
   * @default 30000
   * @unit milliseconds
   */
  timeout?: number | false | undefined;
  /**
   * Retries: a number (the limit), `false` (none), or an object overriding parts of the policy.
   * By default only GET, HEAD and OPTIONS are retried on connection errors, timeouts and the
   * listed statuses; any method is retried on 429 (the server did not act on it); POST, PATCH,
   * PUT and DELETE are otherwise sent once, because a failed write may still have been applied.
   * Opt a method in with `retry: { methods: ['GET', 'HEAD', 'OPTIONS', 'DELETE'] }`.
   * `Retry-After` (delta-seconds or an HTTP date) is honoured up to `maxRetryAfterMs`; the wait is
   * never shorter than the backoff, which grows from 0.5 s to at most 8 s plus up to a quarter at random.
   * @default { limit: 2, methods: ['GET','HEAD','OPTIONS'], statusCodes: [408, 425, 429, 500, 502, 503, 504], maxRetryAfterMs: 60000 }
   */
  retry?: number | false | Partial<RetryPolicy> | undefined;
  /**
   * Largest response body read, in bytes, counted after decompression (so a gzip bomb stops at the
   * same size). A bigger body ends the call with `ResponseTooLargeError` without reading the rest.
   * The largest real Fungies responses (a page of 100 orders) are well under 1 MiB.
   * @default 16777216 (16 MiB)
   * @unit bytes
   */
  maxResponseBytes?: number | undefined;
  /**
   * Connections the client opens to one origin (node:http transport only). Calls beyond them wait
   * for a free connection; that wait counts against their `timeout`. Idle connections are closed
   * after 4 s, before a NAT or load balancer drops them unannounced. See docs/client-behaviour.md.
   * @default 32
   */
  maxSockets?: number | undefined;
  /**
   * Where request log lines go: one per request (method, path template, status, duration,
   * attempt) at `info`, retries and failures at `warn`. Lines never contain keys. `console` works.
   * @default undefined (console when FUNGIES_LOG is set, otherwise silent)
   */
  logger?: FungiesLogger | undefined;
  /**
   * Lowest level written to `logger`. Overrides the `FUNGIES_LOG` environment variable
   * (`debug`, `info`, `warn`).
   * @default FUNGIES_LOG, else 'info' when a logger is given, else 'off'
   */
  logLevel?: LogLevel | undefined;
  /**
   * Older form of `logger`: receives each log line at or above `logLevel` (default info) as one string. Lines never contain keys.
   * @default undefined (silent)
   */
  log?: ((message: string) => void) | undefined;
  /**
   * Check every 2xx body against the spec's schema for its operation and status, and throw
   * `ResponseValidationError` when it does not match (the same validator as the contract suite).
   * Values the spec itself contradicts (its own default fails its schema, e.g. `currency: null`)
   * are let through. Costs about as much as parsing the body again.
   * @default false
   */
  validateResponses?: boolean | undefined;
}

export const DEFAULTS = {
  baseUrl: 'https://api.fungies.io',
  timeout: 30_000,
  maxResponseBytes: 16 * 1024 * 1024,
  maxSockets: 32,
  validateResponses: false,
  retry: {
    limit: 2,
    methods: SAFE_METHODS.map((m) => m.toUpperCase()),
    statusCodes: [408, 425, 429, 500, 502, 503, 504],
    maxRetryAfterMs: 60_000,
  },
} as const satisfies {
  baseUrl: string;
  timeout: number;
  maxResponseBytes: number;
  maxSockets: number;
  validateResponses: boolean;
  retry: RetryPolicy;
};

export interface NormalizedOptions {
  publicKey: string;
  secretKey: string | undefined;
  baseUrl: string;
  fetch: typeof fetch | undefined;
  headers: Record<string, string>;
  timeout: number | false;
  retry: RetryPolicy;
  maxResponseBytes: number;
  maxSockets: number;
  /** Where request lines go, already filtered by level and redacted; undefined when silent. */
  requestLog: RequestLog | undefined;
  validateResponses: boolean;
  /** The factory the caller used (`createFungies` or `createFungiesClient`), for messages that show a fix. */
  factory: string;
}

/** Every client option, by name: an option given that is not here is a typo or another library's name. */
const OPTION_NAMES = {
  publicKey: true,
  secretKey: true,
  baseUrl: true,
  fetch: true,
  headers: true,
  timeout: true,
  retry: true,
  maxResponseBytes: true,
  maxSockets: true,
  logger: true,
  logLevel: true,
  log: true,
  validateResponses: true,
} as const satisfies Record<keyof FungiesClientOptions, true>;

/** Names other clients use for our options, which no edit distance would find. */
const OTHER_LIBRARIES_NAMES: Readonly<Record<string, keyof FungiesClientOptions>> = {
  maxretries: 'retry',
  retries: 'retry',
  apikey: 'publicKey',
  key: 'publicKey',
  secret: 'secretKey',
  secretapikey: 'secretKey',
  url: 'baseUrl',
  baseurl: 'baseUrl',
  timeoutms: 'timeout',
  maxbodylength: 'maxResponseBytes',
  maxcontentlength: 'maxResponseBytes',
  validate: 'validateResponses',
};

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The known option a misspelt or foreign name most likely meant, if any is close enough to suggest. */
function nearestOption(name: string): string | undefined {
  const lower = name.toLowerCase();
  const aliased = Object.hasOwn(OTHER_LIBRARIES_NAMES, lower) ? OTHER_LIBRARIES_NAMES[lower] : undefined;
  if (aliased) return aliased;
  let best: { option: string; distance: number } | undefined;
  for (const option of Object.keys(OPTION_NAMES)) {
    const distance = editDistance(lower, option.toLowerCase());
    if (!best || distance < best.distance) best = { option, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.option : undefined;
}

/** JavaScript callers get the check TypeScript gives: an option the client does not have is an error, not silently ignored. */
function checkOptionNames(options: object, factory: string): void {
  for (const name of Object.keys(options)) {
    if (Object.hasOwn(OPTION_NAMES, name)) continue;
    const nearest = nearestOption(name);
    throw new FungiesConfigError(
      name,
      nearest
        ? `${name} is not an option of ${factory}: did you mean ${nearest}?`
        : `${name} is not an option of ${factory}: use ${Object.keys(OPTION_NAMES).join(', ')}`,
    );
  }
}

const KEY_RULES = {
  publicKey: { prefix: 'pub_', env: 'FUNGIES_PUBLIC_KEY', other: 'sec_' },
  secretKey: { prefix: 'sec_', env: 'FUNGIES_SECRET_KEY', other: 'pub_' },
} as const;

/** Checks a key's documented shape; the message never repeats the key itself. */
function checkKey(option: keyof typeof KEY_RULES, value: unknown, factory: string): string {
  const rule = KEY_RULES[option];
  if (typeof value !== 'string' || value === '') {
    throw new FungiesConfigError(
      option,
      `${option} is missing: pass ${factory}({ ${option}: process.env.${rule.env} }) with your ${rule.prefix}… key`,
    );
  }
  if (value.startsWith(rule.other)) {
    throw new FungiesConfigError(
      option,
      `${option} looks like a ${rule.other === 'pub_' ? 'public' : 'secret'} key (${rule.other}…): the ${option} starts with ${rule.prefix}; are the two keys swapped?`,
    );
  }
  // Only visible ASCII: anything else cannot go into the key header and would fail at the first call instead.
  if (!value.startsWith(rule.prefix) || value.length <= rule.prefix.length || !/^[\x21-\x7e]+$/.test(value)) {
    throw new FungiesConfigError(
      option,
      `${option} is not a Fungies key: expected "${rule.prefix}" followed by the key's characters, with no spaces`,
    );
  }
  return value;
}

/**
 * `factory` is the function the caller called, so a message shows the call they can copy.
 * `ownTransport`: false when the client's attempts go out through a sender given in its place (then
 * no proxy setting is bypassed by node:http).
 */
export function normalizeOptions(options: FungiesClientOptions, factory = 'createFungiesClient', ownTransport = true): NormalizedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new FungiesConfigError('options', `${factory} needs an options object: ${factory}({ publicKey, secretKey })`);
  }
  checkOptionNames(options, factory);
  const publicKey = checkKey('publicKey', options.publicKey, factory);
  // CI gives an unset secret as an empty string: a read-only program must still start, and a write
  // then fails naming the option, as with no secretKey at all.
  const secretKey =
    options.secretKey === undefined || options.secretKey === '' ? undefined : checkKey('secretKey', options.secretKey, factory);
  const baseUrl = options.baseUrl ?? DEFAULTS.baseUrl;
  const url = parseHttpUrl(baseUrl, { field: 'baseUrl', example: DEFAULTS.baseUrl, base: true });
  if (typeof url === 'string') throw new FungiesConfigError('baseUrl', url);
  // Every operation path starts with /v0: a baseUrl ending in it would send /v0/v0/… and get 404s.
  if (/\/v0\/*$/.test(url.pathname)) {
    throw new FungiesConfigError(
      'baseUrl',
      `baseUrl ends in /v0, but every operation path already starts with /v0: use ${baseUrl.replace(/\/v0\/*$/, '')}`,
    );
  }
  const fetchImpl = options.fetch;
  if (fetchImpl !== undefined && typeof fetchImpl !== 'function') {
    throw new FungiesConfigError('fetch', 'fetch must be a function (Node 20 has one built in)');
  }
  if (fetchImpl === undefined && ownTransport) refuseProxy(url);
  checkHeaders(options.headers, 'headers');
  const headers = { ...(options.headers ?? {}) };
  for (const name of Object.keys(headers)) {
    const keyOption = Object.hasOwn(KEY_HEADER_OPTIONS, name.toLowerCase()) ? KEY_HEADER_OPTIONS[name.toLowerCase()] : undefined;
    if (keyOption !== undefined) {
      throw new FungiesConfigError('headers', `headers.${name} is managed by the client: pass the key as ${keyOption} instead`);
    }
  }
  if (options.log !== undefined && typeof options.log !== 'function') {
    throw new FungiesConfigError('log', 'log must be a function that takes one message string, e.g. log: console.debug');
  }
  return {
    publicKey,
    secretKey,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    fetch: fetchImpl,
    headers,
    timeout: normalizeTimeout(options.timeout),
    retry: normalizeRetry(options.retry),
    maxResponseBytes:
      options.maxResponseBytes === undefined ? DEFAULTS.maxResponseBytes : normalizeMaxResponseBytes(options.maxResponseBytes),
    maxSockets: options.maxSockets === undefined ? DEFAULTS.maxSockets : normalizeMaxSockets(options.maxSockets),
    requestLog: createRequestLog(options, [publicKey, secretKey]),
    validateResponses: checkBoolean('validateResponses', options.validateResponses, DEFAULTS.validateResponses),
    factory,
  };
}

/** A proxy set in the environment for the API's URL would be bypassed by node:http: say so instead. */
function refuseProxy(url: URL): void {
  if (typeof process === 'undefined' || !process.env) return;
  const variable = proxyVariableFor(url, process.env);
  if (variable === undefined) return;
  // The proxy's URL is never shown: it may carry a user name and password.
  throw new FungiesConfigError(
    'fetch',
    `${variable} is set, but the client's own transport does not go through a proxy and would send around it to ${url.host}. ` +
      `Pass fetch: a fetch that uses your proxy (e.g. undici's fetch with an EnvHttpProxyAgent dispatcher), or add ${url.hostname} to NO_PROXY if the API is to be reached directly. See docs/client-behaviour.md`,
  );
}

function checkBoolean(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new FungiesConfigError(option, `${option} must be true or false; got ${shown(value)}`);
  return value;
}

/** The longest delay a timer holds: setTimeout runs a longer one after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function normalizeTimeout(timeout: unknown): number | false {
  if (timeout === undefined) return DEFAULTS.timeout;
  if (timeout === false) return false;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    throw new FungiesConfigError('timeout', `timeout must be a positive number of milliseconds or false; got ${shown(timeout)}`);
  }
  if (timeout > MAX_TIMER_MS) {
    throw new FungiesConfigError(
      'timeout',
      `timeout must be at most ${MAX_TIMER_MS} ms (about 24.8 days), the longest timer Node.js holds; got ${shown(timeout)}. Use false for no timeout`,
    );
  }
  return timeout;
}

/** The names `retry.methods` accepts: every method the client sends (TRACE never is). */
const RETRY_METHOD_NAMES = new Set(HTTP_METHODS.filter((m) => m !== 'trace').map((m) => m.toUpperCase()));

export function normalizeMaxResponseBytes(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit <= 0) {
    throw new FungiesConfigError(
      'maxResponseBytes',
      `maxResponseBytes must be a positive whole number of bytes, e.g. ${DEFAULTS.maxResponseBytes}; got ${shown(limit)}`,
    );
  }
  return limit;
}

function normalizeMaxSockets(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new FungiesConfigError(
      'maxSockets',
      `maxSockets must be a whole number of connections ≥ 1, e.g. ${DEFAULTS.maxSockets}; got ${shown(value)}`,
    );
  }
  return value;
}

/** A retry option merged over `base` (the defaults, or the client's policy for a per-request option). */
export function normalizeRetry(retry: unknown, base: RetryPolicy = DEFAULTS.retry): RetryPolicy {
  const defaults: RetryPolicy = { ...base };
  if (retry === undefined) return defaults;
  if (retry === false) return { ...defaults, limit: 0 };
  if (typeof retry === 'number') return { ...defaults, limit: checkLimit(retry) };
  if (typeof retry !== 'object' || retry === null || Array.isArray(retry)) {
    throw new FungiesConfigError('retry', 'retry must be a number, false, or { limit, methods, statusCodes, maxRetryAfterMs }');
  }
  const given = retry as Partial<Record<keyof RetryPolicy, unknown>>;
  // A misspelt option (`method` for `methods`) would otherwise be ignored and the default silently kept.
  const unknownOption = Object.keys(given).find((name) => !Object.hasOwn(DEFAULTS.retry, name));
  if (unknownOption !== undefined) {
    throw new FungiesConfigError('retry', `retry.${unknownOption} is not a retry option: use ${Object.keys(DEFAULTS.retry).join(', ')}`);
  }
  const policy = { ...defaults };
  if (given.limit !== undefined) policy.limit = checkLimit(given.limit);
  if (given.methods !== undefined) {
    if (!Array.isArray(given.methods) || !given.methods.every((m) => typeof m === 'string'))
      throw new FungiesConfigError('retry', 'retry.methods must be an array of HTTP method names');
    const methods = given.methods.map((m: string) => m.toUpperCase());
    const unknown = methods.find((m) => !RETRY_METHOD_NAMES.has(m));
    if (unknown !== undefined)
      throw new FungiesConfigError(
        'retry',
        `retry.methods: ${shown(unknown)} is not an HTTP method; use ${[...RETRY_METHOD_NAMES].join(', ')}`,
      );
    policy.methods = methods;
  }
  if (given.statusCodes !== undefined) {
    if (!Array.isArray(given.statusCodes) || !given.statusCodes.every((c) => Number.isInteger(c) && c >= 400 && c <= 599)) {
      throw new FungiesConfigError('retry', 'retry.statusCodes must be an array of HTTP error statuses (400–599)');
    }
    policy.statusCodes = given.statusCodes as number[];
  }
  if (given.maxRetryAfterMs !== undefined) {
    if (
      typeof given.maxRetryAfterMs !== 'number' ||
      !Number.isFinite(given.maxRetryAfterMs) ||
      given.maxRetryAfterMs < 0 ||
      given.maxRetryAfterMs > MAX_TIMER_MS
    ) {
      throw new FungiesConfigError('retry', `retry.maxRetryAfterMs must be a number of milliseconds from 0 to ${MAX_TIMER_MS}`);
    }
    policy.maxRetryAfterMs = given.maxRetryAfterMs;
  }
  return policy;
}

function checkLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new FungiesConfigError('retry', `retry.limit must be a whole number ≥ 0; got ${shown(limit)}`);
  }
  return limit;
}

/** A value as a message shows it: JSON where JSON can say it, otherwise as JavaScript writes it (NaN, Infinity, 10n). */
export function shown(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return 'a function';
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
