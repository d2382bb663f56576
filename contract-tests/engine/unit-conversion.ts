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

/** Known answers by currency code: an Intl.NumberFormat costs more to build than a read-back's whole comparison. */
const minorUnits = new Map<string, number>();

/** Minor units per major unit of an ISO 4217 currency (100 for USD, 1 for JPY); 100 when unknown. */
function minorPerMajor(currency: unknown): number {
  if (typeof currency !== 'string') return 100;
  let units = minorUnits.get(currency);
  if (units === undefined) {
    try {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
      units = 10 ** (digits ?? 2);
    } catch {
      units = 100;
    }
    // A server's own strings can be anything: only so many are kept.
    if (minorUnits.size < 256) minorUnits.set(currency, units);
  }
  return units;
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
