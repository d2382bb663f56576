// Units the model marks are converted before a read-back compares them; anything else is left as it is.
import { describe, expect, it } from 'vitest';
import { convertUnit } from '../../../contract-tests/engine/unit-conversion.js';

describe('convertUnit', () => {
  it('reads major units as minor units by the currency’s own digits', () => {
    expect(convertUnit(9.99, 'major-currency-unit', 'minor-currency-unit', 'USD')).toBe(999);
    expect(convertUnit(500, 'major-currency-unit', 'minor-currency-unit', 'JPY')).toBe(500);
    expect(convertUnit(1.234, 'major-currency-unit', 'minor-currency-unit', 'KWD')).toBe(1234);
    expect(convertUnit(999, 'minor-currency-unit', 'major-currency-unit')).toBe(9.99);
  });

  it('leaves the same unit, unknown units, non-numbers and unknown currencies at their defaults', () => {
    expect(convertUnit(9.99, 'minor-currency-unit', 'minor-currency-unit', 'USD')).toBe(9.99);
    expect(convertUnit(9.99, undefined, 'minor-currency-unit')).toBe(9.99);
    expect(convertUnit(9.99, 'major-currency-unit', undefined)).toBe(9.99);
    expect(convertUnit('9.99', 'major-currency-unit', 'minor-currency-unit')).toBe('9.99');
    expect(convertUnit(9.99, 'major-currency-unit', 'minor-currency-unit', 'NOPE')).toBe(999);
  });
});
