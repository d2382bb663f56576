/**
 * Per-call work the client no longer does on a plain call, timed in isolation next to what
 * replaced it, so BENCHMARKS.md can say what each cut is worth from this run's own numbers.
 */
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { createBufferedResponse } from '../src/buffered-response.js';
import { findOperation } from '../src/operations.js';
import { cancelOrderBody } from './server.js';
import { type Spread, spread, timeSync } from './stats.js';

export interface CallPartsResult {
  /** Nanoseconds per operation, by part. */
  ns: Record<string, Spread>;
}

/** A Response subclass constructed as the client's buffered responses were (its constructor builds Headers and body state). */
class ConstructedResponse extends Response {
  readonly bodyText: string;
  constructor(text: string) {
    super(null, { status: 200, statusText: 'OK' });
    this.bodyText = text;
  }
}

export const CALL_PARTS = {
  responseConstructor: 'a Response subclass constructed per response (before)',
  bufferedResponse: 'the buffered response, a Response without its constructor (now)',
  createFinalUrl: "openapi-fetch's createFinalURL for the cancel-order path (before, on every call)",
  operationLookup: 'the operation looked up by a method-and-path string (before, twice per call)',
} as const;

export function measureCallParts(rounds: number, calls: number): CallPartsResult {
  const text = cancelOrderBody();
  const head = { status: 200, statusText: 'OK', headers: new Headers(), url: 'http://127.0.0.1/' };
  const query = createQuerySerializer();
  const params = { path: { orderIdOrNumber: '#ABC123DEF456' } };
  const path = '/v0/orders/{orderIdOrNumber}/cancel';
  let sink: unknown;
  const parts: Record<keyof typeof CALL_PARTS, () => unknown> = {
    responseConstructor: () => (sink = new ConstructedResponse(text)),
    bufferedResponse: () => (sink = createBufferedResponse(text, head)),
    createFinalUrl: () =>
      (sink = createFinalURL(path, { baseUrl: 'http://127.0.0.1', params, querySerializer: query, pathSerializer: defaultPathSerializer })),
    operationLookup: () => (sink = findOperation('PATCH', path)),
  };
  const out = new Map<string, number[]>(Object.keys(parts).map((k) => [k, []]));
  for (const fn of Object.values(parts)) timeSync(calls, fn);
  for (let round = 0; round < rounds; round++)
    for (const [name, fn] of Object.entries(parts)) out.get(name)!.push(timeSync(calls, fn) * 1e6);
  if (sink === undefined) throw new Error('nothing was measured');
  return { ns: Object.fromEntries([...out].map(([k, v]) => [k, spread(v)])) };
}
