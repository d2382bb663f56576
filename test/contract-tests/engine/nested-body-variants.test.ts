/** Invalid body fields one level down (nested objects, array items): each proved invalid by the spec, each a documented 4xx. */
import { describe, expect, it } from 'vitest';
import { planChecks } from '../../../contract-tests/engine/checks.js';
import { runChecks } from '../../../contract-tests/engine/run-checks.js';
import type { LieName } from '../../../contract-tests/fixtures/lying-server.js';
import { validateAgainst } from '../../../contract-tests/validation/validators.js';
import { listOperations } from '../../../src/operations.js';
import { liveConfig, useLyingServer } from '../helpers.js';

// Nested objects (billingDetails, paymentData), arrays of objects (items) and of strings (excludedOffers).
const OPERATIONS = listOperations().filter((op) =>
  ['PostV0UsersCreate', 'PostV0SubscriptionsCreate', 'PatchV0DiscountsDiscountIdUpdate'].includes(op.operationId),
);
const negatives = () => planChecks(OPERATIONS, { seed: 11 }).filter((c) => c.kind === 'negative' && c.request);

const server = useLyingServer();

const run = (lie: LieName) => runChecks(negatives(), liveConfig(server.url(lie)));

describe('invalid nested body fields', () => {
  it('are planned one level down into objects and array items, each proved invalid by the spec', () => {
    const nested = negatives().filter((c) => /^body \/\w+\/\S/.test(c.name!));
    expect([...new Set(nested.map((c) => c.operation.operationId))]).toEqual(
      expect.arrayContaining(['PostV0UsersCreate', 'PostV0SubscriptionsCreate']),
    );
    expect(nested.some((c) => c.name!.startsWith('body /items/0/'))).toBe(true);
    expect(nested.some((c) => /^body \/(billingDetails|paymentData)\//.test(c.name!))).toBe(true);
    for (const c of nested)
      expect(validateAgainst(c.operation.requestBody!.content['application/json']!.schema, c.request!.body).length, c.id).toBeGreaterThan(
        0,
      );
  });

  it('catch a server that validates only the top level of a body', async () => {
    const results = await run('validates-top-level-only');
    const failed = results.filter((r) => r.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.name, r.id).toMatch(/^body \/\w+\/\S/);
      expect(r.findings.map((f) => f.rule)).toEqual(['negative_data_rejection']);
    }
  });

  it('find nothing wrong with the honest server', async () => {
    const results = await run('honest');
    expect(results.filter((r) => r.outcome !== 'passed').map((r) => [r.id, r.findings])).toEqual([]);
  });
});
