/** Invalid path ids: every path id of an operation, one value per kind of id schema, each a documented 4xx. */
import { describe, expect, it } from 'vitest';
import { planChecks } from '../../../contract-tests/engine/checks.js';
import { runChecks } from '../../../contract-tests/engine/run-checks.js';
import { LIED_OPERATION, type LieName } from '../../../contract-tests/fixtures/lying-server.js';
import { validateAgainst } from '../../../contract-tests/validation/validators.js';
import { listOperations } from '../../../src/operations.js';
import { liveConfig, useLyingServer } from '../helpers.js';

// An `…IdOrNumber` id, two UUID ids on one path, a plain-string id, nested objects and arrays of objects in bodies.
const OPERATIONS = listOperations().filter((op) =>
  [
    LIED_OPERATION,
    'PatchV0ProductsProductIdVariantsVariantIdUpdate',
    'PatchV0DiscountsDiscountIdUpdate',
    'PostV0UsersCreate',
    'PostV0SubscriptionsCreate',
  ].includes(op.operationId),
);
const negatives = () => planChecks(OPERATIONS, { seed: 11 }).filter((c) => c.kind === 'negative' && c.request);

const server = useLyingServer();

const run = (lie: LieName) => runChecks(negatives(), liveConfig(server.url(lie)));

describe('invalid path ids', () => {
  it('are planned for every path id, one per kind of id schema', () => {
    const names = (operationId: string) =>
      negatives()
        .filter((c) => c.operation.operationId === operationId && c.name!.startsWith('path '))
        .map((c) => c.name);
    expect(names('PatchV0ProductsProductIdVariantsVariantIdUpdate')).toEqual([
      'path productId: not a UUID',
      'path productId: a UUID with a bad character',
      'path variantId: not a UUID',
      'path variantId: a UUID with a bad character',
    ]);
    expect(names(LIED_OPERATION)).toEqual([
      'path orderIdOrNumber: a malformed order number',
      'path orderIdOrNumber: a UUID with a bad character',
      'path orderIdOrNumber: an order number longer than the pattern allows',
    ]);
    // Any string is a valid discount id: no invalid value exists, so none is planned.
    expect(names('PatchV0DiscountsDiscountIdUpdate')).toEqual([]);
  });

  it('each break the spec in the id alone', () => {
    for (const check of negatives().filter((c) => c.name!.startsWith('path '))) {
      const broken = check.operation.parameters.filter(
        (p) => p.in === 'path' && validateAgainst(p.schema, check.request!.path[p.name]).length > 0,
      );
      expect(
        broken.map((p) => p.name),
        check.id,
      ).toEqual([check.name!.split(' ')[1]!.replace(/:$/, '')]);
    }
  });

  it('catch a server that accepts a malformed order number on one operation', async () => {
    const results = await run('accepts-malformed-order-number');
    const failed = results.filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => [r.operationId, r.name, r.findings.map((f) => f.rule)])).toEqual([
      [LIED_OPERATION, 'path orderIdOrNumber: a malformed order number', ['negative_data_rejection']],
    ]);
    expect(failed[0]!.request?.url).toContain('/orders/%23');
  });
});

describe('the honest server', () => {
  it('rejects every invalid id and body, so nothing is found', async () => {
    const results = await run('honest');
    expect(results.filter((r) => r.outcome !== 'passed').map((r) => [r.id, r.findings])).toEqual([]);
  });
});
