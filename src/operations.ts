/** Finds the generated metadata of the operation a request is for. */
import { operations } from '../generated/operations.js';
import type { OperationMeta } from './operation-meta.js';

const byRoute = new Map<string, OperationMeta>(Object.values(operations).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op]));

/** The operation for an HTTP method and a path template, as openapi-fetch passes them to middleware. */
export function findOperation(method: string, pathTemplate: string): OperationMeta | undefined {
  return byRoute.get(`${method.toUpperCase()} ${pathTemplate}`);
}

/** The operation with this operationId, or undefined when the spec has none. */
export function findOperationById(operationId: string): OperationMeta | undefined {
  return Object.hasOwn(operations, operationId) ? (operations as Record<string, OperationMeta>)[operationId] : undefined;
}

/** Every operation in the spec, in spec order. */
export function listOperations(): OperationMeta[] {
  return Object.values(operations);
}
