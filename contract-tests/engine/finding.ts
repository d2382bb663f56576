/** How reports name an operation, and the one way to build a Finding: where it was made and what it found, fields in report order. */
import type { OperationMeta } from '../../src/operation-meta.js';
import type { Finding } from './types.js';

/** Where a finding was made: the operation as reports name it, and the status received (undefined: no response). */
export type FindingContext = Pick<Finding, 'operationId' | 'method' | 'path' | 'status'>;

/** What a finding says, apart from where it was made. */
export type FindingFacts = Pick<Finding, 'kind' | 'pointer' | 'rule' | 'expected' | 'actual' | 'note'>;

/** An operation as every report names it: operationId, the method upper-cased (as curl lines print it), the path template. */
export function reportedOperation(
  op: Pick<OperationMeta, 'operationId' | 'method' | 'path'>,
): Pick<Finding, 'operationId' | 'method' | 'path'> {
  return { operationId: op.operationId, method: op.method.toUpperCase(), path: op.path };
}

/** The context of a finding about `op`. */
export function findingContext(op: Pick<OperationMeta, 'operationId' | 'method' | 'path'>, status: number | undefined): FindingContext {
  return { ...reportedOperation(op), status };
}

/** The JSON report prints keys in the order they are set here; `note` only when there is one. */
export function finding(at: FindingContext, facts: FindingFacts): Finding {
  const { kind, pointer, rule, expected, actual, note } = facts;
  const { operationId, method, path, status } = at;
  return { kind, operationId, method, path, status, pointer, rule, expected, actual, ...(note ? { note } : {}) };
}

/** `404 Not Found`: the status and reason phrase of a response, as the `actual` of a finding about its status. */
export function statusLine(response: { status: number; statusText: string }): string {
  return `${response.status} ${response.statusText}`.trim();
}
