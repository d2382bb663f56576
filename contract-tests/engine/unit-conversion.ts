/**
 * Converting a value between the units the model marks with `x-unit`, so a read-back compares like
 * with like: an offer's price is written in major units (9.99) and read back in minor units (999).
 */
import { schemaOf } from './spec-schema.js';

/** The `x-unit` a field's schema declares, if any. */
export const unitOf = (schema: unknown): string | undefined => {
  const unit = schemaOf(schema)['x-unit'];
  return typeof unit === 'string' ? unit : undefined;
};

/** Minor units per major unit of an ISO 4217 currency (100 for USD, 1 for JPY); 100 when unknown. */
function minorPerMajor(currency: unknown): number {
  if (typeof currency !== 'string') return 100;
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    return 10 ** (digits ?? 2);
  } catch {
    return 100;
  }
}

/**
 * What a value written in unit `from` reads as in unit `to`; the value itself when the units are
 * the same, unknown or not a pair this knows.
 */
export function convertUnit(value: unknown, from: string | undefined, to: string | undefined, currency?: unknown): unknown {
  if (typeof value !== 'number' || from === to) return value;
  if (from === 'major-currency-unit' && to === 'minor-currency-unit') return Math.round(value * minorPerMajor(currency));
  if (from === 'minor-currency-unit' && to === 'major-currency-unit') return value / minorPerMajor(currency);
  return value;
}
