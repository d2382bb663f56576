/** The data the contract engine produces: findings, check results, and the run they belong to. */

/**
 * What a finding blames. `response`: the server broke the spec. `request`: the server (Prism
 * validates requests) rejected the request our client built. `negative`: a request that must be
 * rejected was accepted. `spec-defect`: the spec contradicts itself (a schema rejects its own
 * default or example), so the server cannot be blamed.
 */
export type FindingKind = 'response' | 'request' | 'negative' | 'spec-defect';

export interface Finding {
  kind: FindingKind;
  operationId: string;
  method: string;
  /** The spec's path template. */
  path: string;
  /** The HTTP status received (undefined when no response arrived). */
  status: number | undefined;
  /** JSON pointer into the body (`/data/order/number`, '' for the whole body), or `status` / `header:content-type` for non-body findings. */
  pointer: string;
  /** The rule that failed: an Ajv keyword (pattern, format, const, enum, required, type…) or status, content-type, json, body, request, rejection. */
  rule: string;
  /** The expected value or a short schema snippet. */
  expected: string;
  /** The actual value, truncated, keys redacted. */
  actual: string;
  /** Extra explanation (e.g. why it is a spec defect). */
  note?: string;
}

/** A request as sent, keys already masked: enough to print a curl. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  statusText: string;
  contentType: string | null;
  /** The body text, truncated and redacted, for the report. */
  bodyExcerpt: string;
}

export type CheckOutcome = 'passed' | 'failed' | 'skipped';

/** `status`: one documented response of an operation. `negative`: a request that must be rejected. */
export type CheckKind = 'status' | 'negative';

export interface CheckResult {
  /** Stable id, also the vitest test name: `PatchV0OrdersOrderIdOrNumberCancel 200`. */
  id: string;
  kind: CheckKind;
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  /** For `status` checks: the documented status key. */
  status?: string;
  /** For `negative` checks: what was left out or broken (`no public key`, `no secret key`, `bad id`). */
  name?: string;
  outcome: CheckOutcome;
  /** Why it was skipped, or a short note on what was checked. */
  reason?: string;
  findings: Finding[];
  request?: RecordedRequest;
  response?: RecordedResponse;
  durationMs: number;
}

export interface RunData {
  tool: 'fungies-contract';
  spec: { title: string; version: string };
  target: { url: string; kind: 'prism' | 'live' };
  /** The `--operation` filter, when one was given. */
  operationFilter?: string;
  strict: boolean;
  allowWrites: boolean;
  startedAt: string;
  durationMs: number;
  /** Every operation in the run with its documented statuses, in spec order (coverage rows). */
  operations: { operationId: string; method: string; path: string; statuses: string[] }[];
  checks: CheckResult[];
}
