/** The one test for "a JSON object" (not null, not an array), shared by the library, the suite and the scripts. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
