/**
 * Builds, from the spec alone, a request an honest server must accept: path ids, required query and
 * header parameters, the optional query parameters that are safe to send, a body.
 */

import type { OperationMeta, ParameterMeta } from '../../src/operation-meta.js';
import { PAGE_POSITION_PARAMS, PAGE_SIZE_PARAMS } from '../../src/paginate.js';
import { activeSpec, type SpecModel } from '../spec/model.js';
import { derefSchema, validateAgainst } from '../validation/validators.js';
import { SampleError, sampleFor, sampleOrUndefined } from './schema-sample.js';

export interface PlannedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, string>;
  /** Undefined when the operation takes no JSON body. */
  body: unknown;
}

type Built = { request: PlannedRequest } | { error: unknown };

/**
 * Each operation's request (or why none can be built), built once per active spec: its schemas'
 * refs are read from that spec, and the same spec builds the same request.
 */
const builtBySpec = new WeakMap<SpecModel, WeakMap<OperationMeta, Built>>();

/** A request for `operation`, a copy of its own to change; throws SampleError when none can be built. */
export function buildRequest(operation: OperationMeta): PlannedRequest {
  const spec = activeSpec();
  let built = builtBySpec.get(spec);
  if (!built) {
    built = new WeakMap();
    builtBySpec.set(spec, built);
  }
  let once = built.get(operation);
  if (!once) {
    try {
      once = { request: buildOnce(operation) };
    } catch (error) {
      once = { error };
    }
    built.set(operation, once);
  }
  if ('error' in once) throw once.error;
  return structuredClone(once.request);
}

function buildOnce(operation: OperationMeta): PlannedRequest {
  const planned: PlannedRequest = { path: {}, query: {}, header: {}, body: undefined };
  for (const param of operation.parameters) {
    if (!param.required && param.in !== 'path') {
      const value = param.in === 'query' ? optionalQueryValue(param) : undefined;
      if (value !== undefined) planned.query[param.name] = value;
      continue;
    }
    const value = sampleFor(param.schema, `${param.in} parameter "${param.name}"`);
    if (param.in === 'path') planned.path[param.name] = value;
    else if (param.in === 'query') planned.query[param.name] = value;
    else if (param.in === 'header') planned.header[param.name] = String(value);
  }
  const content = operation.requestBody?.content;
  if (content) {
    const json = Object.keys(content).find((t) => /json/i.test(t));
    if (json !== undefined) {
      const schema = content[json]?.schema;
      planned.body = schema === undefined ? {} : sampleFor(schema, 'request body');
    } else if (operation.requestBody?.required) {
      throw new SampleError(`the request body is ${Object.keys(content).join(', ')}: the contract suite only builds JSON bodies`);
    }
  }
  return planned;
}

/**
 * Page sizes and offsets; `cursor` is left out: it is an opaque token only the server can issue,
 * and a made-up one may be refused by a live server.
 */
const PAGINATION = new Set<string>([...PAGE_SIZE_PARAMS, ...PAGE_POSITION_PARAMS.filter((p) => p !== 'cursor')]);

/**
 * A value for an optional query parameter when sending it cannot change whether an honest server
 * accepts the request: pagination (a small valid number) and arrays of scalars. An array of an
 * enum gets its first two values, so a client that joins them (`a,b`) instead of repeating the
 * name (`x=a&x=b`, form/explode) sends a value the server's validation rejects; other arrays stay
 * out, as a made-up id would narrow a list to nothing. Anything else stays out.
 */
function optionalQueryValue(param: ParameterMeta): unknown {
  const value = sampleOrUndefined(param.schema, `query parameter "${param.name}"`);
  if (Array.isArray(value)) {
    if (value.length !== 1 || !['string', 'number', 'boolean'].includes(typeof value[0])) return undefined;
    const values = derefSchema(derefSchema(param.schema)?.['items'])?.['enum'];
    const two = Array.isArray(values) ? values.filter((v) => v !== null).slice(0, 2) : [];
    // A made-up item of a free array (`ids=<sample uuid>`) narrows a list to nothing on a server with real data.
    return two.length === 2 && validateAgainst(param.schema, two).length === 0 ? two : undefined;
  }
  return PAGINATION.has(param.name) && typeof value === 'number' ? value : undefined;
}
