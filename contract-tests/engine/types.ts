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
  /** The real URL of the request that got this answer (keys masked). */
  url?: string;
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

/** The name of the check module that made a result (`status`, `auth`, …): contract-tests/engine/check-registry.ts lists them. */
export type CheckKind = string;

/** A resource a workflow created on the target, and whether the run archived it again. */
export interface CreatedResource {
  resource: string;
  id: string;
  archived: boolean;
}

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
  /** What the check varies: an auth case (`no public key`), `bad id`, a generated variant (`body /email: wrong type`), a method. */
  name?: string;
  outcome: CheckOutcome;
  /** Why it was skipped, or a short note on what was checked. */
  reason?: string;
  findings: Finding[];
  request?: RecordedRequest;
  response?: RecordedResponse;
  durationMs: number;
  /** For `workflow` and write checks: what the check created (a duplicate makes two). */
  created?: CreatedResource | CreatedResource[];
}

/** What the suite runs against: a Prism mock of the spec (any documented status can be asked for, writes are harmless) or a live server. */
export type TargetKind = 'prism' | 'live';

/** Which part of a sharded run a report holds (`--shard index/count`), and how many checks all parts hold together. */
export interface ShardInfo {
  index: number;
  count: number;
  plannedChecks: number;
}

export interface RunData {
  tool: 'fungies-contract';
  spec: { title: string; version: string };
  /** `name`: the target's name in the config file (`--target-name`). */
  target: { url: string; kind: TargetKind; name?: string };
  /** The `--operation` filter, when one was given. */
  operationFilter?: string;
  /** The `--exclude` filter, when one was given. */
  excludeFilter?: string;
  /** Set in a shard's report; a merged report has none. */
  shard?: ShardInfo;
  strict: boolean;
  allowWrites: boolean;
  startedAt: string;
  durationMs: number;
  /** Every operation in the run with its documented statuses, in spec order (coverage rows). */
  operations: { operationId: string; method: string; path: string; statuses: string[] }[];
  checks: CheckResult[];
  /** The seed of the generated requests: `--seed <n>` repeats them. */
  seed?: number;
  /** Every resource the run created on the target (workflows), to clean up or audit. */
  created?: CreatedResource[];
}
