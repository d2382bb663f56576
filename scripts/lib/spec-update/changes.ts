/** The vocabulary of the change report: every kind of change spec:update can find, and its verdict. */

/** Which way the data flows: what the caller sends, or what the caller reads. */
export type Direction = 'request' | 'response';
export type Severity = 'breaking' | 'safe';

export const CHANGE_KINDS = [
  'operation-added',
  'operation-removed',
  'operation-renamed',
  'operation-deprecated',
  'parameter-added',
  'parameter-added-required',
  'parameter-removed',
  'parameter-now-required',
  'parameter-now-optional',
  'parameter-deprecated',
  'request-body-added',
  'request-body-added-required',
  'request-body-removed',
  'request-body-now-required',
  'request-body-now-optional',
  'content-type-added',
  'content-type-removed',
  'response-added',
  'success-response-removed',
  'error-response-removed',
  'response-header-added',
  'response-header-removed',
  'field-added',
  'field-added-required',
  'field-removed',
  'field-now-required',
  'field-now-optional',
  'additional-properties-forbidden',
  'additional-properties-allowed',
  'enum-value-added',
  'enum-value-removed',
  'enum-added',
  'enum-removed',
  'type-widened',
  'type-narrowed',
  'type-changed',
  'format-added',
  'format-removed',
  'format-changed',
  'pattern-added',
  'pattern-removed',
  'pattern-changed',
  'limit-tightened',
  'limit-loosened',
  'limit-changed',
  'variant-added',
  'variant-removed',
  'security-tightened',
  'security-loosened',
  'security-scheme-changed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface OperationKey {
  operationId: string;
  method: string;
  path: string;
}

/** A difference found between two specs, before it is judged. */
export interface RawChange {
  kind: ChangeKind;
  /** Set for changes inside parameters, bodies and responses: the same edit can be safe one way and breaking the other. */
  direction?: Direction;
  operation: OperationKey;
  /** 'operation', 'security', 'path parameter id', 'request body', 'response 200'… */
  where: string;
  /** Dotted field path inside the schema ('data.order.id', 'items[].name'); '' for the schema itself. */
  field: string;
  /** JSON pointer into the spec with every `$ref` resolved (so it is stable when the vendor renames components). */
  pointer: string;
  /** What changed, e.g. "type integer → integer | null". */
  detail: string;
}

export interface Change extends RawChange {
  severity: Severity;
  /** Why it is (not) breaking for someone calling the API. */
  reason: string;
}
