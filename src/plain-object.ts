/** The one test for "a JSON object" (not null, not an array), shared by the library, the suite and the scripts. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True for an object literal or a dictionary (its prototype Object.prototype or null), never a class
 * instance such as a Headers, a FormData or a Blob. Asked before `instanceof Headers` or
 * `instanceof FormData`: the first read of either global loads node's fetch (undici, with tls,
 * http2 and zlib: some 45 ms of CPU), which a call made with plain data never needs.
 */
export function hasObjectPrototype(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
