// Id kinds: a UUID, an order number, or neither.
import { describe, expect, it } from 'vitest';
import { idKind, isOrderNumber, isUuid } from '../../src/index.js';

describe('ids', () => {
  it.each([
    ['3c90c3cc-0d44-4b50-8888-8dd25736052a', 'uuid'],
    ['#ABC123DEF456', 'orderNumber'],
    ['ABC123DEF456', 'orderNumber'],
    ['#SUB123DEF456-2', 'orderNumber'],
    ['12345', 'orderNumber'],
    ['#ABC', undefined],
    ['<string>', undefined],
    ['3c90c3cc-0d44-4b50-8888', undefined],
    ['', undefined],
  ])('%j is %s', (value, kind) => {
    expect(idKind(value)).toBe(kind);
    expect(isUuid(value)).toBe(kind === 'uuid');
    expect(isOrderNumber(value)).toBe(kind === 'orderNumber');
  });

  it('rejects non-strings', () => {
    expect(idKind(123)).toBeUndefined();
    expect(isUuid(null)).toBe(false);
  });
});
