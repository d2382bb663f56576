/**
 * The checks of a run and how each one runs: one per operation × documented status, plus the
 * negative checks (no public key, no secret key, an invalid path id).
 */
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../src/auth.js';
import type { OperationMeta } from '../../src/operation-meta.js';
import { documentedResponse } from '../../src/validation/response.js';
import { validateAgainst } from '../../src/validation/validators.js';
import type { EngineConfig } from './config.js';
import { isClientRefusal, sendRaw, sendThroughClient, type Exchange } from './exchange.js';
import { buildRequest, type PlannedRequest } from './request-builder.js';
import { checkResponse } from './response-checker.js';
import type { CheckResult, Finding } from './types.js';

export type { EngineConfig } from './config.js';

export type NegativeName = 'no public key' | 'no secret key' | 'bad id';

export interface PlannedCheck {
  id: string;
  kind: 'status' | 'negative';
  operation: OperationMeta;
  status?: string;
  name?: NegativeName;
}

/** A path id no id schema accepts (not a UUID, not an order number). */
export const BAD_ID = 'not_an_id!';

const READ_METHODS = new Set(['get', 'head', 'options']);
export const isWrite = (op: OperationMeta) => !READ_METHODS.has(op.method);

/** The path parameter an invalid id can be put in: the first whose schema rejects BAD_ID. */
function idParameter(op: OperationMeta): string | undefined {
  return op.parameters.find((p) => p.in === 'path' && validateAgainst(p.schema, BAD_ID).length > 0)?.name;
}

export function planChecks(operations: readonly OperationMeta[]): PlannedCheck[] {
  const checks: PlannedCheck[] = [];
  for (const operation of operations) {
    for (const status of Object.keys(operation.responses)) checks.push({ id: `${operation.operationId} ${status}`, kind: 'status', operation, status });
    const negatives: NegativeName[] = ['no public key'];
    if (operation.authHeaders.includes(SECRET_KEY_HEADER)) negatives.push('no secret key');
    if (idParameter(operation)) negatives.push('bad id');
    for (const name of negatives) checks.push({ id: `${operation.operationId} rejects: ${name}`, kind: 'negative', operation, name });
  }
  return checks;
}

export async function runCheck(check: PlannedCheck, config: EngineConfig): Promise<CheckResult> {
  const started = performance.now();
  const op = check.operation;
  const base: CheckResult = {
    id: check.id,
    kind: check.kind,
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    tags: [...op.tags],
    ...(check.status !== undefined ? { status: check.status } : {}),
    ...(check.name !== undefined ? { name: check.name } : {}),
    outcome: 'passed',
    findings: [],
    durationMs: 0,
  };
  const done = (patch: Partial<CheckResult>): CheckResult => {
    const result = { ...base, ...patch, durationMs: Math.round(performance.now() - started) };
    if (result.outcome !== 'skipped') result.outcome = result.findings.some((f) => config.strict || f.kind !== 'spec-defect') ? 'failed' : 'passed';
    return result;
  };
  const skip = skipReason(op, config);
  if (skip) return done({ outcome: 'skipped', reason: skip });
  let planned: PlannedRequest;
  try {
    planned = buildRequest(op);
  } catch (err) {
    return done({ findings: [engineFinding(op, 'build', 'a request built from the spec', (err as Error).message)] });
  }
  return check.kind === 'status' ? done(await statusCheck(op, check.status!, planned, config)) : done(await negativeCheck(op, check.name!, planned, config));
}

function skipReason(op: OperationMeta, config: EngineConfig): string | undefined {
  if (!isWrite(op)) return undefined;
  if (config.kind === 'live' && !config.allowWrites) return `${op.method.toUpperCase()} changes data: pass --allow-writes to run it against this target`;
  if (!config.target.secretKey) return 'needs the secret key: set FUNGIES_SECRET_KEY';
  return undefined;
}

function engineFinding(op: OperationMeta, rule: string, expected: string, actual: string, status?: number): Finding {
  return { kind: 'request', operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, status, pointer: '', rule, expected, actual };
}

/** Findings when no response came back: the client refused (our bug) or the connection failed. */
function noResponse(op: OperationMeta, exchange: Exchange): Finding[] {
  const message = exchange.error?.message ?? 'no response';
  if (isClientRefusal(exchange.error)) return [engineFinding(op, 'client', 'the client sends the request the spec allows', message)];
  return [{ ...engineFinding(op, 'connection', 'a response', message), kind: 'response' }];
}

/** Prism lists the ways a request breaks the spec in `sl-violations`: each is a finding against our client. */
function requestViolations(op: OperationMeta, exchange: Exchange): Finding[] {
  const header = exchange.response?.headers.get('sl-violations');
  if (!header) return [];
  let violations: { location?: string[]; code?: string; message?: string }[] = [];
  try {
    violations = JSON.parse(header) as typeof violations;
  } catch {
    violations = [{ message: header }];
  }
  return violations.map((v) => ({
    ...engineFinding(op, `request ${v.code ?? ''}`.trim(), 'a request that satisfies the spec', v.message ?? 'invalid request', exchange.response?.status),
    pointer: (v.location ?? []).join('.'),
  }));
}

async function statusCheck(op: OperationMeta, statusKey: string, planned: PlannedRequest, config: EngineConfig): Promise<Partial<CheckResult>> {
  const wanted = Number(statusKey);
  if (config.kind === 'prism' && !/^\d{3}$/.test(statusKey)) return { outcome: 'skipped', reason: `Prism cannot be asked for "${statusKey}"` };
  let exchange: Exchange;
  let keyless = false;
  if (config.kind === 'prism') {
    exchange = await sendThroughClient(op, planned, config.target, { headers: { Prefer: `code=${statusKey}` } });
  } else if (wanted >= 200 && wanted < 300) {
    exchange = await sendThroughClient(op, planned, config.target);
  } else {
    // A live server cannot be asked for an error; the requests that must fail are the way to see one.
    const id = idParameter(op);
    keyless = !id;
    exchange = id
      ? await sendRaw(op, { ...(planned.path as Record<string, string>), [id]: BAD_ID }, planned, config.target)
      : await sendThroughClient(op, planned, config.target, { strip: [PUBLIC_KEY_HEADER] });
  }
  const recorded = { ...(exchange.request ? { request: exchange.request } : {}), ...(exchange.response ? { response: strip(exchange.response) } : {}) };
  if (!exchange.response) return { ...recorded, findings: noResponse(op, exchange) };
  // When Prism rejects our request, its answer is about the request: the response is not judged.
  const rejected = config.kind === 'prism' ? requestViolations(op, exchange) : [];
  if (rejected.length > 0) return { ...recorded, findings: rejected };
  const got = exchange.response.status;
  if (keyless && got !== wanted && (got === 401 || got === 403)) {
    return { ...recorded, outcome: 'skipped', reason: `a request without the public key got ${got}, not ${statusKey}: ${statusKey} cannot be provoked on this target` };
  }
  const findings = checkResponse(op, exchange.response, config.kind === 'prism' ? { expectedStatus: wanted } : {});
  if (config.kind === 'live' && got !== wanted && findings.length === 0) {
    const key = documentedResponse(op, got)?.key;
    return { ...recorded, outcome: 'skipped', reason: `the server answered ${got}${key ? ` (checked against ${key})` : ''}, not ${statusKey}` };
  }
  return { ...recorded, findings };
}

async function negativeCheck(op: OperationMeta, name: NegativeName, planned: PlannedRequest, config: EngineConfig): Promise<Partial<CheckResult>> {
  let exchange: Exchange;
  if (name === 'bad id') {
    exchange = await sendRaw(op, { ...(planned.path as Record<string, string>), [idParameter(op)!]: BAD_ID }, planned, config.target);
  } else {
    exchange = await sendThroughClient(op, planned, config.target, { strip: [name === 'no public key' ? PUBLIC_KEY_HEADER : SECRET_KEY_HEADER] });
  }
  const recorded = { ...(exchange.request ? { request: exchange.request } : {}), ...(exchange.response ? { response: strip(exchange.response) } : {}) };
  const response = exchange.response;
  if (!response) return { ...recorded, findings: noResponse(op, exchange) };
  const documented = documentedResponse(op, response.status) !== undefined;
  const authStatus = name !== 'bad id' && (response.status === 401 || response.status === 403);
  const rejected = response.status >= 400 && response.status < 500;
  if (rejected && authStatus && !documented) return recorded;
  if (rejected && documented) return { ...recorded, findings: checkResponse(op, response) };
  const expected = name === 'bad id' ? 'a documented 4xx' : '401, 403 or a documented 4xx';
  const finding: Finding = {
    kind: rejected ? 'response' : 'negative',
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    status: response.status,
    pointer: 'status',
    rule: rejected ? 'status' : 'rejection',
    expected: `${expected} for a request with ${name === 'bad id' ? `an invalid id (${JSON.stringify(BAD_ID)})` : name.replace('no ', 'no ')}`,
    actual: `${response.status} ${response.statusText}`.trim(),
  };
  return { ...recorded, findings: [finding] };
}

function strip(response: NonNullable<Exchange['response']>): CheckResult['response'] {
  const { status, statusText, contentType, bodyExcerpt } = response;
  return { status, statusText, contentType, bodyExcerpt };
}
