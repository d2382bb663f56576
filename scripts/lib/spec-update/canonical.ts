/**
 * The one way spec:update writes openapi/api-docs.yaml: a fixed key order and fixed YAML style,
 * so the same spec always gives the same bytes and a review diff shows only what the vendor changed.
 */
import { dump } from 'js-yaml';
import { HTTP_METHODS } from '../../../contract-tests/spec/openapi-walk.js';
import { isPlainObject } from '../../../src/plain-object.js';

/**
 * Fixed key orders for the structural objects. Top level: the order the vendor's own file uses
 * (metadata first, then paths, then components). Unknown keys (x-…) follow, sorted.
 */
const TOP_LEVEL = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'security',
  'tags',
  'externalDocs',
  'paths',
  'webhooks',
  'components',
];
const PATH_ITEM = ['$ref', 'summary', 'description', 'servers', 'parameters', ...HTTP_METHODS];
/** The field order of the Operation Object in the OpenAPI specification (also the vendor's). */
const OPERATION = [
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'callbacks',
  'deprecated',
  'security',
  'servers',
];
const COMPONENTS = [
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
];

/**
 * Maps whose keys are names (paths, response codes, component names) keep the order they come in:
 * the vendor's generator emits them in a stable order, and the rebuilt spec follows it, so the
 * vendor's file replaces the rebuild with a diff of what changed and no reshuffled blocks.
 * Inside a Schema Object nothing is reordered either: property order is how the vendor documents
 * a resource (required fields first) and it becomes the order of the generated types.
 */
export function canonicalize(doc: Record<string, unknown>): Record<string, unknown> {
  const out = ordered(doc, TOP_LEVEL);
  if (isPlainObject(out['paths'])) {
    out['paths'] = Object.fromEntries(
      Object.entries(out['paths']).map(([path, item]) => [path, isPlainObject(item) ? pathItem(item) : item]),
    );
  }
  if (isPlainObject(out['components'])) out['components'] = ordered(out['components'], COMPONENTS);
  return out;
}

/**
 * js-yaml's default style, which is the style of the vendor's file (a round trip of
 * openapi/official/cancel-order.yaml changes no line); `noRefs` writes shared objects in full.
 */
export function toYaml(doc: Record<string, unknown>): string {
  return dump(doc, { noRefs: true });
}

function pathItem(item: Record<string, unknown>): Record<string, unknown> {
  const out = ordered(item, PATH_ITEM);
  for (const method of HTTP_METHODS) {
    const op = out[method];
    if (!isPlainObject(op)) continue;
    out[method] = ordered(op, OPERATION);
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
