/** JSON pointers (RFC 6901): the one walker the client, the spec pipeline and the contract suite share. */
import { isPlainObject } from './plain-object.js';

/**
 * The keys of a pointer. `/a/b` is a plain pointer; `#/a/b` is a URI fragment, whose segments are
 * also percent-decoded (that is how `$ref` writes them). Undefined for a malformed escape.
 */
export function pointerSegments(pointer: string): string[] | undefined {
  const fragment = pointer.startsWith('#');
  const body = fragment ? pointer.slice(1) : pointer;
  if (body === '') return [];
  try {
    return body
      .split('/')
      .slice(1)
      .map((raw) => (fragment ? decodeURIComponent(raw) : raw).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return undefined;
  }
}

/** One key as a pointer token: `~` becomes `~0` first, then `/` becomes `~1` (the reverse order of reading). */
export function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The plain pointer (no `#`) to the value under these keys; `[]` is the whole document, `''`. */
export function segmentsToPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerToken(String(s))}`).join('');
}

/** The value `pointer` names inside `root`, or undefined when it names nothing. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of pointerSegments(pointer) ?? [undefined]) {
    if (key === undefined || typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Follows a chain of `$ref`s with `resolve` and returns what it ends on (undefined when one
 * dangles). Keywords written beside a `$ref` stay on top of what it names, as JSON Schema 2020-12
 * and OpenAPI 3.1 allow. At most 20 hops, so a cycle ends on the last `$ref` object reached.
 */
export function followRefs(node: unknown, resolve: (ref: string) => unknown): unknown {
  let current = node;
  for (let i = 0; i < 20 && isPlainObject(current) && typeof current['$ref'] === 'string'; i++) {
    const { $ref, ...rest } = current;
    const target = resolve($ref as string);
    current = Object.keys(rest).length > 0 && isPlainObject(target) ? { ...target, ...rest } : target;
  }
  return current;
}
