/** Finds the generated metadata of the operation a request is for. */
import { operations } from '../generated/operations.js';
import type { OperationMeta } from './operation-meta.js';

const byRoute = new Map<string, OperationMeta>(Object.values(operations).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op]));

/** The operation for an HTTP method and a path template, as openapi-fetch passes them to middleware. */
export function findOperation(method: string, pathTemplate: string): OperationMeta | undefined {
  return byRoute.get(`${method.toUpperCase()} ${pathTemplate}`);
}

/** Every operation in the spec, in spec order. */
export function listOperations(): OperationMeta[] {
  return Object.values(operations);
}
