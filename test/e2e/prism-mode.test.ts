// Prism's seeded dynamic mode: a spec-valid 200 body for every operation, whatever was asked before.
import { describe, expect, it } from 'vitest';
import { MOCK_KEYS } from '../../contract-tests/engine/config.js';
import { sendThroughClient } from '../../contract-tests/engine/exchange.js';
import { buildRequest } from '../../contract-tests/engine/request-builder.js';
import { validateResponse } from '../../contract-tests/validation/response.js';
import type { OperationMeta } from '../../src/operation-meta.js';
import { listOperations } from '../../src/operations.js';
import { usePrism } from './use-prism.js';

// The contract suite relies on Prism's seeded dynamic mode being reproducible. The seed applies
// per request: the same request gets the same body whatever came before it, so asking in spec
// order and again in reverse order must give identical bodies (and so would another process).
const prism = usePrism();

describe("Prism's seeded dynamic mode", () => {
  it('answers every operation with a spec-valid 200 body that does not depend on earlier requests', async () => {
    const send = (op: OperationMeta) =>
      sendThroughClient(op, buildRequest(op), { baseUrl: prism.url, ...MOCK_KEYS, timeoutMs: 10_000 }, { headers: { Prefer: 'code=200' } });
    const ops = listOperations();
    const first = new Map<string, string | undefined>();
    for (const op of ops) {
      const x = await send(op);
      expect(x.response?.status, op.operationId).toBe(200);
      expect(validateResponse(op.operationId, 200, x.response!.contentType, JSON.parse(x.response!.text)).errors, op.operationId).toEqual(
        [],
      );
      first.set(op.operationId, x.response?.text);
    }
    for (const op of [...ops].reverse()) expect((await send(op)).response?.text, op.operationId).toBe(first.get(op.operationId));
  });
});
