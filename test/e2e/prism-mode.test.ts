import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismHandle } from '../../scripts/lib/prism.js';
import { listOperations } from '../../src/operations.js';
import { validateResponse } from '../../src/validation/response.js';
import { buildRequest } from '../../contract-tests/engine/request-builder.js';
import { sendThroughClient } from '../../contract-tests/engine/exchange.js';
import { MOCK_KEYS } from '../../contract-tests/engine/config.js';

// The contract suite relies on Prism's seeded dynamic mode being reproducible: two independent
// Prism processes must give the same bodies for the same requests.
let a: PrismHandle;
let b: PrismHandle;
beforeAll(async () => {
  [a, b] = await Promise.all([startPrism({ spec: 'openapi/api-docs.yaml' }), startPrism({ spec: 'openapi/api-docs.yaml' })]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("Prism's seeded dynamic mode", () => {
  it('answers every operation with the same spec-valid 200 body from two separate processes', async () => {
    for (const op of listOperations()) {
      const planned = buildRequest(op);
      const send = (url: string) => sendThroughClient(op, planned, { baseUrl: url, ...MOCK_KEYS, timeoutMs: 10_000 }, { headers: { Prefer: 'code=200' } });
      const [x, y] = await Promise.all([send(a.url), send(b.url)]);
      expect(x.response?.status, op.operationId).toBe(200);
      expect(x.response?.text, op.operationId).toBe(y.response?.text);
      expect(validateResponse(op.operationId, 200, x.response!.contentType, JSON.parse(x.response!.text)).errors, op.operationId).toEqual([]);
    }
  });
});
