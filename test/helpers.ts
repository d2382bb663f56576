/** Test doubles and fixtures: a client whose `fetch` is a function of the test, recording every request it sees; bodies the spec describes. */
import { inspect } from 'node:util';
import { createFungiesClient, type FungiesClientOptions } from '../src/index.js';

export const PUBLIC_KEY = 'pub_TestPublicKey123456';
export const SECRET_KEY = 'sec_TestSecretKey123456';

/** What a call settled with: undefined when it resolved, else what it threw. */
export const settle = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

export type Handler = (request: Request) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A `fetch` that answers with `handler` and keeps a copy of every request it is given. */
export function recordingFetch(handler: Handler) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    return handler(request);
  };
  return { fetch, requests };
}

export function createTestClient(
  handler: Handler = () => json({ status: 'success', data: {} }),
  options: Partial<FungiesClientOptions> = {},
) {
  const { fetch, requests } = recordingFetch(handler);
  const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: 'https://api.test', fetch, ...options });
  return { client, requests };
}

/** Everything a caller could print of an error: its text, inspect() output, stack, and the details it carries. */
export function everythingPrinted(err: unknown): string {
  const e = err as { headers?: Headers; errors?: unknown; body?: unknown; bodyExcerpt?: string };
  return [
    String(err),
    inspect(err, { depth: 20 }),
    (err as Error).stack ?? '',
    JSON.stringify(e.errors ?? null),
    JSON.stringify(e.body ?? null),
    e.bodyExcerpt ?? '',
    JSON.stringify([...(e.headers?.entries() ?? [])]),
  ].join('\n');
}

/** A valid cancel-order body, as the spec describes it. */
export const cancelledOrder = {
  status: 'success',
  data: {
    order: {
      object: 'order',
      id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      number: '#ABC123DEF456',
      status: 'CANCELLED',
      createdAt: 1700000000000,
      orderNumber: '#ABC123DEF456',
    },
  },
};

/** The seven webhook event types the vendor documents, in the spec's order: what the generator and the library must both list. */
export const DOCUMENTED_WEBHOOK_EVENT_TYPES = [
  'payment_success',
  'payment_refunded',
  'payment_failed',
  'subscription_created',
  'subscription_interval',
  'subscription_updated',
  'subscription_cancelled',
];
