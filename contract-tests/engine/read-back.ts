/**
 * Comparing what a write sent with what a read shows: the scalar fields of the body, each converted
 * from the unit it is written in to the unit it is read in (an offer's price goes in major units and
 * comes back in minor units), and only where the read's schema can hold the value at all.
 */
import type { OperationMeta } from '../../src/operation-meta.js';
import { isPlainObject } from '../../src/plain-object.js';
import { validateAgainst } from '../validation/validators.js';
import { propertiesOf, requestBodySchema } from './spec-schema.js';
import { convertUnit, unitOf } from './unit-conversion.js';

type Json = Record<string, unknown>;

/** Scalar fields of a body (what a read-back can be compared with). */
export const scalars = (body: unknown): [string, unknown][] =>
  isPlainObject(body) ? Object.entries(body).filter(([, v]) => v === null || typeof v !== 'object') : [];

export interface ReadBackDiff {
  field: string;
  /** The value the read should show, in the read's unit. */
  expected: unknown;
  /** ` ("9.99" in major-currency-unit)` when the written value was converted, else ''. */
  as: string;
  actual: unknown;
}

/** The written scalar fields (but `id`) that `object`, read with `readSchema`, shows differently. */
export function writtenDiffs(written: unknown, writer: OperationMeta, object: Json, readSchema: unknown): ReadBackDiff[] {
  const writtenFields = propertiesOf(requestBodySchema(writer));
  const readFields = propertiesOf(readSchema);
  const currency = isPlainObject(written) ? (written['currency'] ?? object['currency']) : undefined;
  const out: ReadBackDiff[] = [];
  for (const [field, value] of scalars(written)) {
    const expected = convertUnit(value, unitOf(writtenFields[field]), unitOf(readFields[field]), currency);
    // A value the read's schema cannot hold (a number where it declares a string) cannot come back as written.
    if (field === 'id' || !(field in object) || validateAgainst(readFields[field] ?? {}, expected).length > 0) continue;
    if (JSON.stringify(object[field]) === JSON.stringify(expected)) continue;
    const as = expected === value ? '' : ` (${JSON.stringify(value)} in ${unitOf(writtenFields[field])})`;
    out.push({ field, expected, as, actual: object[field] });
  }
  return out;
}
