/** The report's order of checks: by operation as given, documented statuses first, then by id as localeCompare orders ids. */
import { describe, expect, it } from 'vitest';
import { orderChecks } from '../../../contract-tests/engine/run-data.js';
import type { CheckResult } from '../../../contract-tests/engine/types.js';

const result = (operationId: string, kind: string, id: string) => ({ operationId, kind, id }) as CheckResult;

describe('orderChecks', () => {
  it('orders by operation, then status checks first, then ids as localeCompare does', () => {
    const ids = ['b 10', 'b 9', 'B 2', 'a-z', 'a_z', 'é', 'e', 'Z', 'z', '[x]', '10', '9'];
    const results = [
      ...ids.map((id) => result('Second', 'auth', id)),
      result('Second', 'status', 'zz status'),
      ...ids.map((id) => result('First', 'negative', id)),
      result('First', 'status', 'a status'),
    ];
    const byLocale = [...ids].sort((a, b) => a.localeCompare(b));
    expect(orderChecks(['First', 'Second'], results).map((r) => `${r.operationId} ${r.id}`)).toEqual([
      'First a status',
      ...byLocale.map((id) => `First ${id}`),
      'Second zz status',
      ...byLocale.map((id) => `Second ${id}`),
    ]);
  });
});
