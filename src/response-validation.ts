/**
 * The client's optional check of 2xx bodies against the spec, with validators precompiled at
 * spec:generate time, one module per operation, loaded on that operation's first validated
 * response: clients that do not validate never load them.
 */

import { type OperationResponseValidators, responseValidatorLoaders } from '../generated/response-validators.js';
import { ResponseValidationError } from './errors.js';
import type { OperationMeta } from './operation-meta.js';
import { redact, redactExcerpt, redactValue } from './redact.js';
import type { ValidationIssue } from './validation/issue.js';
import { matchResponse } from './validation/response-match.js';
import { specDefectReason } from './validation/spec-defects.js';

/** Errors kept on a ResponseValidationError and shown in its message. */
const MAX_ERRORS = 10;

type Validators = OperationResponseValidators | undefined;

const loading = new Map<string, Promise<Validators>>();
/** Operations whose validators have loaded (undefined: the operation has none): checked without a promise. */
const ready = new Map<string, Validators>();

/** The operation's validators, loaded once on its first validated response. */
function load(operationId: string): Promise<Validators> {
  let validators = loading.get(operationId);
  if (!validators) {
    const loader = Object.hasOwn(responseValidatorLoaders, operationId) ? responseValidatorLoaders[operationId] : undefined;
    validators = (loader ? loader().then((m) => m.validators) : Promise.resolve(undefined)).then((v) => {
      ready.set(operationId, v);
      return v;
    });
    loading.set(operationId, validators);
  }
  return validators;
}

/** The response a body is checked as, by its status and content type: what matchResponse picks. */
interface Target {
  statusKey: string;
  mediaTypeKey: string;
}

/** Per operation, `status content-type` → what it is checked as (null: not checked); a few entries, as servers send few content types. */
const targets = new WeakMap<OperationMeta, Map<string, Target | null>>();
const MAX_TARGETS = 32;

function targetOf(operation: OperationMeta, status: number, contentType: string | null): Target | null {
  let known = targets.get(operation);
  if (!known) {
    known = new Map();
    targets.set(operation, known);
  }
  const key = `${status} ${contentType}`;
  let target = known.get(key);
  if (target === undefined) {
    const match = matchResponse(operation, status, contentType);
    target =
      match.statusKey === undefined || match.mediaTypeKey === undefined
        ? null
        : { statusKey: match.statusKey, mediaTypeKey: match.mediaTypeKey };
    if (known.size < MAX_TARGETS) known.set(key, target);
  }
  return target;
}

/**
 * Throws ResponseValidationError when `body` breaks the documented schema for its status. Values
 * the spec's own schema rejects as its own default (a spec defect, e.g. `currency: null`) are not
 * the server's fault and do not throw. Synchronous once the operation's validators have loaded;
 * before that, a promise of the same check.
 */
export function assertValidResponse(
  operation: OperationMeta,
  status: number,
  contentType: string | null,
  body: unknown,
  method: string,
  secrets: readonly (string | undefined)[] = [],
): Promise<void> | undefined {
  if (body === undefined) return undefined;
  const target = targetOf(operation, status, contentType);
  if (target === null) return undefined;
  const { operationId } = operation;
  if (ready.has(operationId)) {
    check(ready.get(operationId), target, operation, status, body, method, secrets);
    return undefined;
  }
  return load(operationId).then((validators) => check(validators, target, operation, status, body, method, secrets));
}

function check(
  validators: Validators,
  { statusKey, mediaTypeKey }: Target,
  operation: OperationMeta,
  status: number,
  body: unknown,
  method: string,
  secrets: readonly (string | undefined)[],
): void {
  const validate = validators?.[statusKey]?.[mediaTypeKey];
  if (!validate || validate(body)) return;
  const found = validate.errors ?? [];
  // The standalone validator keeps its last errors; a huge invalid body's must not outlive the call.
  validate.errors = null;
  // Only the first errors are looked at (checked against the spec's defects, redacted, shown):
  // a body of many megabytes breaks a rule per item, and each costs a copy of its data.
  const errors: ValidationIssue[] = [];
  let next = 0;
  while (next < found.length && errors.length < MAX_ERRORS) {
    const e = found[next++]!;
    if (!specDefectReason(e.parentSchema, e.data)) errors.push(redactError(e, secrets));
  }
  if (errors.length === 0) return;
  const lines = errors.map((e) => `  body${e.instancePath} ${describe(e, secrets)}`);
  if (next < found.length) lines.push(`  … and more (${found.length - next} further schema errors not shown)`);
  throw new ResponseValidationError(
    operation.operationId,
    status,
    errors,
    `${status} ${method} ${operation.path} (${operation.operationId}): response body does not match the spec:\n${lines.join('\n')}`,
  );
}

function redactError(e: ValidationIssue, secrets: readonly (string | undefined)[]): ValidationIssue {
  return {
    ...e,
    instancePath: redact(e.instancePath, secrets),
    params: redactValue(e.params, secrets),
    data: redactValue(e.data, secrets),
    ...(e.message === undefined ? {} : { message: redact(e.message, secrets) }),
  };
}

function describe(e: ValidationIssue, secrets: readonly (string | undefined)[]): string {
  const params = e.params as { allowedValue?: unknown; allowedValues?: unknown[]; additionalProperty?: string };
  const actual =
    e.keyword === 'required' || e.keyword === 'additionalProperties' ? '' : ` (got ${redactExcerpt(showValue(e.data), secrets, 60)})`;
  if (params.allowedValue !== undefined) return `must be ${JSON.stringify(params.allowedValue)}${actual}`;
  if (params.additionalProperty) return `${e.message ?? 'is invalid'}: "${params.additionalProperty}"`;
  return `${e.message ?? 'is invalid'}${actual}`;
}

function showValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    // JSON.stringify recurses: a body nested thousands of levels deep overflows the stack.
    return Array.isArray(value) ? '[a deeply nested array]' : '{a deeply nested object}';
  }
}
