/** Builds, from the spec alone, a request an honest server must accept: path ids, required query and header parameters, a body. */
import type { OperationMeta } from '../../src/operation-meta.js';
import { sampleFor, SampleError } from './schema-sample.js';

export interface PlannedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, string>;
  /** Undefined when the operation takes no JSON body. */
  body: unknown;
}

export function buildRequest(operation: OperationMeta): PlannedRequest {
  const planned: PlannedRequest = { path: {}, query: {}, header: {}, body: undefined };
  for (const param of operation.parameters) {
    // Optional parameters stay out: the request is the smallest one the spec allows.
    if (!param.required && param.in !== 'path') continue;
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
