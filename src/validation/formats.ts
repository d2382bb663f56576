/**
 * The string and number formats the spec uses, shared by the runtime Ajv instance and the
 * validators precompiled into generated/ (their code refers to `formats.<name>`).
 */
import type { NumberFormat } from './issue.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

// JSON numbers are IEEE doubles: an int64 is only exact within the safe-integer range, which is
// also the range the spec's int64 bounds state. ajv-formats only checks "is an integer".
export const int64: NumberFormat = { type: 'number', validate: (n: number) => Number.isSafeInteger(n) };
export const int32: NumberFormat = {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX,
};

/** Formats this project defines on top of ajv-formats, by name. */
export const numberFormats = { int64, int32 } as const;
