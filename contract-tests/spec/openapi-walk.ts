/** Walks the parts of an OpenAPI 3.1 document the pipeline cares about: operations and schemas. */

import { followRefs, segmentsToPointer, valueAt } from '../../src/json-pointer.js';
import { HTTP_METHODS, type HttpMethod } from '../../src/operation-meta.js';
import { isPlainObject } from '../../src/plain-object.js';
import { SPEC_DOCUMENT_ID } from '../validation/spec-document.js';

// Defined once beside the operation metadata; re-exported for the walker's own importers.
export { HTTP_METHODS };

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OperationRef {
  path: string;
  method: HttpMethod;
  operation: JsonObject;
  pathItem: JsonObject;
  pointer: string;
}

/**
 * Every operation of a raw spec document, with its JSON pointer. (src/operations.ts `listOperations`
 * is the other list: the generated metadata the client reads at run time.)
 */
export function specOperations(doc: Record<string, unknown>): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = doc['paths'];
  if (!isPlainObject(paths)) return out;
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isPlainObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      // The document is parsed JSON, so an object in it is a JsonObject.
      if (isPlainObject(operation))
        out.push({
          path,
          method,
          operation: operation as JsonObject,
          pathItem: pathItem as JsonObject,
          pointer: segmentsToPointer(['paths', path, method]),
        });
    }
  }
  return out;
}

/** Resolves a local `$ref` ('#/…'); undefined when it dangles or is not local. */
export function resolveLocalRef(doc: Record<string, unknown>, ref: string): unknown {
  return ref.startsWith('#/') ? valueAt(doc, ref) : undefined;
}

/** Follows `$ref` objects (Parameter, RequestBody, Response, Schema…) to the object they name, in a raw spec. */
export function deref<T = JsonObject>(doc: Record<string, unknown>, value: unknown): T | undefined {
  return followRefs(value, (ref) => resolveLocalRef(doc, ref)) as T | undefined;
}

/** Rewrites local refs to SPEC_DOCUMENT_ID, so a schema taken out of the spec compiles on its own against the registered document. */
export function absoluteRefs(node: unknown): Json {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (!isPlainObject(node)) return node as Json;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? SPEC_DOCUMENT_ID + v : absoluteRefs(v);
  }
  return out;
}

/** Every `$ref` string in the document with the pointer of the object holding it. */
export function* allRefs(node: unknown, segments: (string | number)[] = []): Generator<{ ref: string; pointer: string }> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* allRefs(node[i], [...segments, i]);
  } else if (isPlainObject(node)) {
    if (typeof node['$ref'] === 'string') yield { ref: node['$ref'], pointer: segmentsToPointer(segments) };
    for (const [k, v] of Object.entries(node)) if (k !== '$ref') yield* allRefs(v, [...segments, k]);
  }
}

/** The parameters that apply to an operation: path-level ones, overridden by operation-level ones. */
export function operationParameters(doc: Record<string, unknown>, op: OperationRef): { param: JsonObject; pointer: string }[] {
  const byKey = new Map<string, { param: JsonObject; pointer: string }>();
  const collect = (list: unknown, base: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const param = deref(doc, raw);
      if (!isPlainObject(param)) return;
      byKey.set(`${String(param['in'])}:${String(param['name'])}`, { param, pointer: `${base}/parameters/${i}` });
    });
  };
  collect(op.pathItem['parameters'], segmentsToPointer(['paths', op.path]));
  collect(op.operation['parameters'], op.pointer);
  return [...byKey.values()];
}

/** The `{name}` placeholders of a path template, in order. */
export function pathTemplateParams(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] ?? '');
}
