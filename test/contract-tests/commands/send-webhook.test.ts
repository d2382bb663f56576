// `fungies-contract send-webhook <url> <eventType|file|->`: a signed test event POSTed to a merchant's local handler.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../contract-tests/cli.js';
import { verifyWebhook, type WebhookEvent } from '../../../src/index.js';
import { memoryIo } from '../helpers.js';

const SECRET = 'send-webhook-test-secret-Zr4';
const ENV = { FUNGIES_WEBHOOK_SECRET: SECRET };

interface Received {
  status: number;
  event?: WebhookEvent;
  error?: string;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

describe('fungies-contract send-webhook', () => {
  const received: Received[] = [];
  let server: Server;
  let base: string;
  let endlessSent = 0;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      if (req.url === '/hang') return; // never answers
      if (req.url === '/endless') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (!res.destroyed) {
            endlessSent += chunk.length;
            if (!res.write(chunk)) break;
          }
          if (!res.destroyed) res.once('drain', pump);
        };
        return pump();
      }
      const body = await readBody(req);
      try {
        const event = verifyWebhook({ body, signature: req.headers['x-fngs-signature'], secret: SECRET, validate: true });
        received.push({ status: 200, event });
        res.writeHead(req.url === '/refuse' ? 500 : 200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } catch (err) {
        received.push({ status: 400, error: (err as Error).message });
        res.writeHead(400).end('bad signature');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends a signed, spec-valid sample of an event type, in test mode, with a fresh idempotency key', async () => {
    received.length = 0;
    const io = memoryIo('', ENV);
    expect(await main(['send-webhook', `${base}/hook`, 'subscription_cancelled'], io)).toBe(0);
    expect(await main(['send-webhook', `${base}/hook`, 'subscription_cancelled'], memoryIo('', ENV))).toBe(0);
    expect(received.map((r) => [r.status, r.event?.type, r.event?.testMode])).toEqual([
      [200, 'subscription_cancelled', true],
      [200, 'subscription_cancelled', true],
    ]);
    expect(received[0]?.event?.idempotencyKey).not.toBe(received[1]?.event?.idempotencyKey);
    expect(io.out()).toContain('200');
    expect(io.out() + io.err()).not.toContain(SECRET);
  });

  it('sends a saved event file byte for byte', async () => {
    received.length = 0;
    const io = memoryIo('', ENV);
    expect(await main(['send-webhook', `${base}/hook`, 'openapi/docs-examples/webhooks/payment_refunded.docs-example.json'], io)).toBe(0);
    expect(received[0]?.event?.id).toBe('5e65daf0-8253-4ffb-ab54-8645465aac75');
  });

  it('exits 1 when the handler does not answer 2xx', async () => {
    const io = memoryIo('', ENV);
    expect(await main(['send-webhook', `${base}/refuse`, 'payment_success'], io)).toBe(1);
    expect(io.out()).toContain('500');
  });

  it('gives up on a handler that never answers, within its timeout', async () => {
    const io = memoryIo('', ENV);
    const started = Date.now();
    expect(await main(['send-webhook', `${base}/hang`, 'payment_success', '--timeout', '300'], io)).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(io.err()).toContain('no answer within 300 ms');
  });

  it("reads no more of a handler's endless answer than the excerpt it shows", async () => {
    const io = memoryIo('', ENV);
    expect(await main(['send-webhook', `${base}/endless`, 'payment_success', '--timeout', '3000'], io)).toBe(0);
    expect(io.out()).toContain('200');
    expect(endlessSent).toBeLessThan(16 * 1024 * 1024);
  });

  it.each([
    [['send-webhook', 'http://127.0.0.1:9/hook', 'payment_success'], {}, 'FUNGIES_WEBHOOK_SECRET is not set'],
    [['send-webhook', 'ftp://127.0.0.1/hook', 'payment_success'], ENV, 'the URL must be an absolute http(s) URL'],
    [['send-webhook', 'http://me:hunter2@127.0.0.1:9/hook', 'payment_success'], ENV, 'the URL must not carry a user name or password'],
    [['send-webhook', 'http://127.0.0.1:9/hook', 'payment.success'], ENV, 'neither a documented event type nor a readable file'],
    [['send-webhook', 'http://127.0.0.1:9/hook'], ENV, 'usage: fungies-contract send-webhook <url> <eventType|file.json|->'],
  ])('exits 2 with one line for bad usage: %j', async (argv, env, message) => {
    const io = memoryIo('', env as Record<string, string>);
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
