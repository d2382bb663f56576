/**
 * The one way spec:update writes openapi/api-docs.yaml: a fixed key order and fixed YAML style,
 * so the same spec always gives the same bytes and a review diff shows only what the vendor changed.
 */
import { stringify } from 'yaml';
import { HTTP_METHODS, isObject } from '../openapi-walk.js';

/**
 * Top level: the order the vendor's own file uses (metadata first, then paths, then components),
 * so round-tripping the vendor's file changes no lines. Unknown keys (x-…) follow, sorted.
 */
const TOP_LEVEL = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'security', 'tags', 'externalDocs', 'paths', 'webhooks', 'components'];
const PATH_ITEM = ['$ref', 'summary', 'description', 'servers', 'parameters', ...HTTP_METHODS];
/** The field order of the Operation Object in the OpenAPI specification (also the vendor's). */
const OPERATION = ['tags', 'summary', 'description', 'externalDocs', 'operationId', 'parameters', 'requestBody', 'responses', 'callbacks', 'deprecated', 'security', 'servers'];
const COMPONENTS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];

/**
 * Paths, response codes and component names are sorted: the vendor's generator may emit them in
 * any order from one release to the next, and sorting turns a new operation into a pure insertion.
 * Inside a Schema Object nothing is reordered: property order is how the vendor documents a
 * resource (required fields first) and it becomes the order of the generated types.
 */
export function canonicalize(doc: Record<string, unknown>): Record<string, unknown> {
  const out = ordered(doc, TOP_LEVEL);
  if (isObject(out['paths'])) {
    out['paths'] = sortedMap(out['paths'], (item) => (isObject(item) ? pathItem(item) : item));
  }
  if (isObject(out['components'])) {
    const components = ordered(out['components'], COMPONENTS);
    for (const section of Object.keys(components)) {
      if (isObject(components[section])) components[section] = sortedMap(components[section], (v) => v);
    }
    out['components'] = components;
  }
  return out;
}

/** The YAML style: single quotes where quoting is needed, no line folding (a changed word is a one-line diff). */
export function toYaml(doc: Record<string, unknown>): string {
  return stringify(doc, { singleQuote: true, lineWidth: 0, aliasDuplicateObjects: false });
}

function pathItem(item: Record<string, unknown>): Record<string, unknown> {
  const out = ordered(item, PATH_ITEM);
  for (const method of HTTP_METHODS) {
    const op = out[method];
    if (!isObject(op)) continue;
    const operation = ordered(op, OPERATION);
    if (isObject(operation['responses'])) operation['responses'] = sortedMap(operation['responses'], (v) => v);
    out[method] = operation;
  }
  return out;
}

/** Keys in `order` first, in that order; the rest sorted (x-… extensions and anything newer). */
function ordered(node: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (key in node) out[key] = node[key];
  for (const key of Object.keys(node).sort()) if (!(key in out)) out[key] = node[key];
  return out;
}

function sortedMap(node: Record<string, unknown>, each: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node).sort()) out[key] = each(node[key]);
  return out;
}
