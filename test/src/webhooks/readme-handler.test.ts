// As a merchant would: the README's node:http handler, on 127.0.0.1, gets signed, tampered and repeated deliveries.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signWebhook, verifyWebhook, WebhookSignatureError } from '../../../src/index.js';
import { server as readmeServer } from '../../types/readme-webhook-example.js';

const SECRET = 'merchant-e2e-secret-7Hq';
const SAMPLE = readFileSync('openapi/docs-examples/webhooks/payment_success.docs-example.json', 'utf8');

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
}

function deliver(url: string, body: string, signature: string | undefined): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-fngs-signature'] = signature;
  return fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });
}

describe("the README's node:http webhook handler", () => {
  let url: string;
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);

  beforeAll(async () => {
    process.env['FUNGIES_WEBHOOK_SECRET'] = SECRET;
    url = await listen(readmeServer);
  });
  afterAll(async () => {
    log.mockRestore();
    delete process.env['FUNGIES_WEBHOOK_SECRET'];
    readmeServer.closeAllConnections();
    await new Promise((resolve) => readmeServer.close(resolve));
  });

  it('accepts a signed sample and fulfils it once, however often it is delivered', async () => {
    const signature = signWebhook(SAMPLE, SECRET);
    expect(await deliver(url, SAMPLE, signature)).toBe(200);
    expect(await deliver(url, SAMPLE, signature)).toBe(200);
    expect(log.mock.calls).toEqual([['fulfil order', '47f68b70-898e-4dc8-99bd-9f30ce73c2f4']]);
  });

  it('rejects a tampered body, a missing signature and a wrong secret with 400, fulfilling nothing', async () => {
    log.mockClear();
    const tampered = SAMPLE.replace('47f68b70', '47f68b71');
    expect(await deliver(url, tampered, signWebhook(SAMPLE, SECRET))).toBe(400);
    expect(await deliver(url, SAMPLE, undefined)).toBe(400);
    expect(await deliver(url, SAMPLE, signWebhook(SAMPLE, 'not-the-secret'))).toBe(400);
    expect(log).not.toHaveBeenCalled();
  });

  it('drops a body larger than any event without buffering it', async () => {
    const huge = 'x'.repeat(2_000_000);
    const status = await deliver(url, huge, signWebhook(huge, SECRET)).catch(() => 'reset');
    expect(status).not.toBe(200);
  });
});

describe('the classic mistake: a handler that parses the JSON and re-serialises it', () => {
  let server: Server;
  let url: string;
  const messages: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (text += c));
      req.on('end', () => {
        try {
          verifyWebhook({ body: JSON.stringify(JSON.parse(text)), signature: req.headers['x-fngs-signature'], secret: SECRET });
          res.writeHead(200).end();
        } catch (err) {
          messages.push((err as Error).message);
          res.writeHead(err instanceof WebhookSignatureError ? 400 : 500).end();
        }
      });
    });
    url = await listen(server);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('rejects a genuine delivery, and the error says to pass the raw body', async () => {
    expect(await deliver(url, SAMPLE, signWebhook(SAMPLE, SECRET))).toBe(400);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/pass the raw request body/);
  });
});
