/**
 * The checks of a run and how each one runs. Per operation: one per documented status, the auth
 * checks (missing, invalid and malformed keys; a write with only the public key), an invalid id,
 * generated invalid requests (negative data) and valid ones (positive data), paging for lists;
 * per path: one unsupported method; per resource: a stateful workflow. Every response is also
 * judged for redirects, latency and duplicate keys.
 */
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../src/auth.js';
import { isSafeMethod, type OperationMeta } from '../../src/operation-meta.js';
import { isPlainObject } from '../../src/plain-object.js';
import { documentedResponse } from '../validation/response.js';
import { validateAgainst } from '../validation/validators.js';
import { limitError } from './capped-body.js';
import type { EngineConfig } from './config.js';
import { type Exchange, isClientRefusal, isSuccess, type RawRequest, sendRaw, sendThroughClient } from './exchange.js';
import { finding, findingContext, reportedOperation, statusLine } from './finding.js';
import { capFindings, limitFinding } from './finding-limits.js';
import { nestedBodyVariants } from './nested-body-variants.js';
import { nextPageRequest, paginationFindings, paginationRequest, secondPageFindings, sizeParameter } from './pagination.js';
import { pathIdVariants } from './path-id-variants.js';
import { createRandom, seedFor } from './random.js';
import { buildRequest, type PlannedRequest } from './request-builder.js';
import { checkResponse } from './response-checker.js';
import { parseJson } from './strict-json.js';
import type { CheckKind, CheckResult, Finding, FindingKind } from './types.js';
import { negativeVariants, positiveVariants } from './variants.js';
import { findWorkflows, runWorkflow, type Workflow } from './workflows.js';

export type { EngineConfig } from './config.js';

export type AuthName = 'no public key' | 'invalid public key' | 'malformed public key' | 'no secret key' | 'invalid secret key';

export interface PlannedCheck {
  id: string;
  kind: CheckKind;
  operation: OperationMeta;
  status?: string;
  /** What the check varies: an auth case, `bad id`, a generated variant's name, a method. */
  name?: string;
  /** The request of a generated variant (negative/positive data). */
  request?: PlannedRequest;
  /** A workflow's operations and the run's seed. */
  workflow?: Workflow;
  seed?: number;
}

export interface PlanOptions {
  /** Seeds the generated requests: the same seed plans the same requests. */
  seed?: number;
}

/** A path id no id schema accepts (not a UUID, not an order number). */
export const BAD_ID = 'not_an_id!';

export const isWrite = (op: OperationMeta) => !isSafeMethod(op.method);

/** Tried in order for the unsupported-method check: PUT first, as this API never uses it. */
const OTHER_METHODS = ['PUT', 'DELETE', 'GET', 'POST', 'PATCH'];

/** The path parameter an invalid id can be put in: the first whose schema rejects BAD_ID. */
function idParameter(op: OperationMeta): string | undefined {
  return op.parameters.find((p) => p.in === 'path' && validateAgainst(p.schema, BAD_ID).length > 0)?.name;
}

export function planChecks(operations: readonly OperationMeta[], options: PlanOptions = {}): PlannedCheck[] {
  const seed = options.seed ?? 0;
  const checks: PlannedCheck[] = [];
  const methodsByPath = new Map<string, Set<string>>();
  for (const op of operations) methodsByPath.set(op.path, new Set([...(methodsByPath.get(op.path) ?? []), op.method.toUpperCase()]));
  const pathsWithMethodCheck = new Set<string>();
  for (const operation of operations) {
    const id = operation.operationId;
    for (const status of Object.keys(operation.responses)) checks.push({ id: `${id} ${status}`, kind: 'status', operation, status });
    const auth: AuthName[] = ['no public key', 'invalid public key', 'malformed public key'];
    if (operation.authHeaders.includes(SECRET_KEY_HEADER)) auth.push('no secret key', 'invalid secret key');
    for (const name of auth) checks.push({ id: `${id} auth: ${name}`, kind: 'auth', operation, name });
    if (idParameter(operation)) checks.push({ id: `${id} rejects: bad id`, kind: 'negative', operation, name: 'bad id' });
    let valid: PlannedRequest | undefined;
    try {
      valid = buildRequest(operation);
    } catch {
      // The status checks report why no request can be built.
    }
    if (valid) {
      const random = createRandom(seedFor(seed, id));
      for (const v of negativeVariants(operation, valid, random))
        checks.push({ id: `${id} rejects: ${v.name}`, kind: 'negative', operation, name: v.name, request: v.request });
      // Its own random stream: adding nested variants leaves the other generated requests of a seed as they were.
      const nested = nestedBodyVariants(operation, valid, createRandom(seedFor(seed, `${id} nested`)));
      for (const v of nested)
        checks.push({ id: `${id} rejects: ${v.name}`, kind: 'negative', operation, name: v.name, request: v.request });
      for (const v of pathIdVariants(operation, valid))
        checks.push({ id: `${id} rejects: ${v.name}`, kind: 'negative', operation, name: v.name, request: v.request });
      for (const v of positiveVariants(operation, valid, random))
        checks.push({ id: `${id} accepts: ${v.name}`, kind: 'positive', operation, name: v.name, request: v.request });
    }
    if (sizeParameter(operation)) checks.push({ id: `${id} pages`, kind: 'pagination', operation, name: 'take/limit honoured' });
    if (!pathsWithMethodCheck.has(operation.path)) {
      pathsWithMethodCheck.add(operation.path);
      const method = OTHER_METHODS.find((m) => !methodsByPath.get(operation.path)!.has(m));
      if (method) checks.push({ id: `${method} ${operation.path} is not allowed`, kind: 'method', operation, name: method });
    }
  }
  for (const workflow of findWorkflows(operations)) {
    const steps = ['create', 'get', ...(workflow.update ? ['update', 'get'] : []), ...(workflow.archive ? ['archive'] : [])];
    checks.push({
      id: `${workflow.resource} workflow: ${steps.join(' → ')}`,
      kind: 'workflow',
      operation: workflow.create,
      name: workflow.resource,
      workflow,
      seed,
    });
  }
  return checks;
}

type Outcome = Partial<CheckResult> & { exchange?: Exchange };

export async function runCheck(check: PlannedCheck, config: EngineConfig): Promise<CheckResult> {
  const started = performance.now();
  const op = check.operation;
  const base: CheckResult = {
    id: check.id,
    kind: check.kind,
    ...reportedOperation(op),
    tags: [...op.tags],
    ...(check.status !== undefined ? { status: check.status } : {}),
    ...(check.name !== undefined ? { name: check.name } : {}),
    outcome: 'passed',
    findings: [],
    durationMs: 0,
  };
  const done = ({ exchange, ...patch }: Outcome): CheckResult => {
    const result: CheckResult = { ...base, ...patch, durationMs: Math.round(performance.now() - started) };
    if (exchange?.request) result.request = exchange.request;
    if (exchange?.response) result.response = strip(exchange.response);
    const max = config.maxResponseTimeMs;
    if (max !== undefined && exchange?.elapsedMs !== undefined && exchange.elapsedMs > max && result.outcome !== 'skipped') {
      const late = finding(findingContext(op, exchange.response?.status), {
        kind: 'response',
        pointer: 'time',
        rule: 'max_response_time',
        expected: `a response within ${max} ms (--max-response-time)`,
        actual: `${Math.round(exchange.elapsedMs)} ms`,
      });
      result.findings = [...result.findings, late];
    }
    result.findings = capFindings(result.findings);
    if (result.request) result.findings = result.findings.map((f) => ({ url: result.request!.url, ...f }));
    if (result.outcome !== 'skipped')
      result.outcome = result.findings.some((f) => config.strict || f.kind !== 'spec-defect') ? 'failed' : 'passed';
    return result;
  };
  const skip = skipReason(check, config);
  if (skip) return done({ outcome: 'skipped', reason: skip });
  let planned: PlannedRequest;
  try {
    planned = check.request ?? buildRequest(op);
  } catch (err) {
    return done({ findings: [unanswered(op, 'request', 'build', 'a request built from the spec', (err as Error).message)] });
  }
  switch (check.kind) {
    case 'status':
      return done(await statusCheck(op, check.status!, planned, config));
    case 'auth':
      return done(await authCheck(op, check.name as AuthName, planned, config));
    case 'negative':
      return done(await negativeCheck(op, check, planned, config));
    case 'positive':
      return done(await positiveCheck(op, planned, config));
    case 'pagination':
      return done(await paginationCheck(op, planned, config));
    case 'method':
      return done(await methodCheck(op, check.name!, planned, config));
    case 'workflow': {
      const { exchange, findings, steps, created } = await runWorkflow(check.workflow!, config, check.seed ?? 0);
      return done({
        ...(exchange ? { exchange } : {}),
        findings,
        reason: `steps run: ${steps.join(' → ')}`,
        ...(created ? { created } : {}),
      });
    }
    default:
      return done({ outcome: 'skipped', reason: `no runner for ${check.kind}` });
  }
}

function skipReason(check: PlannedCheck, config: EngineConfig): string | undefined {
  const op = check.operation;
  const writes = check.kind === 'method' ? !isSafeMethod(check.name!) : isWrite(op);
  if (config.kind === 'prism') {
    if (check.kind === 'auth' && /^(invalid|malformed)/.test(check.name!))
      return 'a Prism mock checks that key headers are present, not their values';
    if (check.kind === 'pagination') return 'a Prism mock generates lists without paging them';
    if (check.kind === 'workflow') return 'a Prism mock keeps no state: workflows run against a live target with --allow-writes';
  }
  if (!writes) return undefined;
  if (config.kind === 'live' && !config.allowWrites)
    return `${check.kind === 'method' ? check.name : op.method.toUpperCase()} changes data: pass --allow-writes to run it against this target`;
  if (!config.target.secretKey && isWrite(op)) return 'needs the secret key: set FUNGIES_SECRET_KEY';
  return undefined;
}

/** A finding made before any response came: `request` blames our side (the request could not be built or sent). */
function unanswered(op: OperationMeta, kind: FindingKind, rule: string, expected: string, actual: string): Finding {
  return finding(findingContext(op, undefined), { kind, pointer: '', rule, expected, actual });
}

/** Findings when no response came back: the client refused (our bug) or the connection failed. */
function noResponse(op: OperationMeta, exchange: Exchange): Finding[] {
  const message = exchange.error?.message ?? 'no response';
  const limit = limitError(exchange.error);
  if (limit) return [limitFinding(op, limit)];
  if (isClientRefusal(exchange.error))
    return [unanswered(op, 'request', 'client', 'the client sends the request the spec allows', message)];
  return [unanswered(op, 'response', 'connection', 'a response', message)];
}

/** A finding about the status a response came back with: pointer `status`, actual `404 Not Found`. */
function statusFinding(
  op: OperationMeta,
  response: NonNullable<Exchange['response']>,
  kind: FindingKind,
  rule: string,
  expected: string,
  method = op.method.toUpperCase(),
): Finding {
  return finding(
    { ...findingContext(op, response.status), method },
    { kind, pointer: 'status', rule, expected, actual: statusLine(response) },
  );
}

interface Violation {
  location?: string[];
  code?: string;
  message?: string;
}

/** The violations in an `sl-violations` header; a header not shaped as Prism writes it is one violation, its text the message. */
function readViolations(header: string): Violation[] {
  const { value } = parseJson(header);
  const ok = (v: unknown): v is Violation =>
    isPlainObject(v) &&
    (v['location'] === undefined || (Array.isArray(v['location']) && v['location'].every((l) => typeof l === 'string'))) &&
    ['code', 'message'].every((k) => v[k] === undefined || typeof v[k] === 'string');
  return Array.isArray(value) && value.every(ok) ? value : [{ message: header }];
}

/** Prism lists the ways a request breaks the spec in `sl-violations`: each is a finding against our client. */
function requestViolations(op: OperationMeta, exchange: Exchange): Finding[] {
  const header = exchange.response?.headers.get('sl-violations');
  if (!header) return [];
  return readViolations(header).map((v) =>
    finding(findingContext(op, exchange.response?.status), {
      kind: 'request',
      pointer: (v.location ?? []).join('.'),
      rule: `request ${v.code ?? ''}`.trim(),
      expected: 'a request that satisfies the spec',
      actual: v.message ?? 'invalid request',
    }),
  );
}

/**
 * The outcome when a request our client sent got no answer to judge: no response at all, or Prism's
 * rejection of the request (its answer is about the request, not the server). Undefined otherwise.
 */
function nothingToJudge(op: OperationMeta, exchange: Exchange, config: EngineConfig): Outcome | undefined {
  if (!exchange.response) return { exchange, findings: noResponse(op, exchange) };
  const rejected = config.kind === 'prism' ? requestViolations(op, exchange) : [];
  return rejected.length > 0 ? { exchange, findings: rejected } : undefined;
}

const judge = (op: OperationMeta, exchange: Exchange, expectedStatus?: number): Finding[] =>
  checkResponse(
    op,
    { ...exchange.response!, location: exchange.response!.headers.get('location') },
    expectedStatus !== undefined ? { expectedStatus } : {},
  );

/** The planned request with BAD_ID in path parameter `id`. */
const withBadId = (planned: PlannedRequest, id: string): RawRequest => ({ ...planned, path: { ...planned.path, [id]: BAD_ID } });

async function statusCheck(op: OperationMeta, statusKey: string, planned: PlannedRequest, config: EngineConfig): Promise<Outcome> {
  const wanted = Number(statusKey);
  if (config.kind === 'prism' && !/^\d{3}$/.test(statusKey))
    return { outcome: 'skipped', reason: `Prism cannot be asked for "${statusKey}"` };
  let exchange: Exchange;
  let keyless = false;
  if (config.kind === 'prism') {
    exchange = await sendThroughClient(op, planned, config.target, { headers: { Prefer: `code=${statusKey}` } });
  } else if (isSuccess(wanted)) {
    exchange = await sendThroughClient(op, planned, config.target);
  } else {
    // A live server cannot be asked for an error; the requests that must fail are the way to see one.
    const id = idParameter(op);
    keyless = !id;
    exchange = id
      ? await sendRaw(op, withBadId(planned, id), config.target)
      : await sendThroughClient(op, planned, config.target, { strip: [PUBLIC_KEY_HEADER] });
  }
  const unjudged = nothingToJudge(op, exchange, config);
  if (unjudged) return unjudged;
  const got = exchange.response!.status;
  if (keyless && got !== wanted && (got === 401 || got === 403)) {
    return {
      exchange,
      outcome: 'skipped',
      reason: `a request without the public key got ${got}, not ${statusKey}: ${statusKey} cannot be provoked on this target`,
    };
  }
  const findings = judge(op, exchange, config.kind === 'prism' ? wanted : undefined);
  if (config.kind === 'live' && got !== wanted && findings.length === 0) {
    const key = documentedResponse(op, got)?.key;
    return {
      exchange,
      outcome: 'skipped',
      reason: `the server answered ${got}${key ? ` (checked against ${key})` : ''}, not ${statusKey}`,
    };
  }
  return { exchange, findings };
}

/**
 * A request that must be rejected: a documented 4xx passes (its body is checked), 401/403 pass
 * for auth cases even if undocumented, a 2xx is the finding `rule`, a 5xx is a server error.
 */
function mustReject(op: OperationMeta, exchange: Exchange, rule: string, what: string, authCase: boolean): Outcome {
  const response = exchange.response;
  if (!response) return { exchange, findings: noResponse(op, exchange) };
  const documented = documentedResponse(op, response.status) !== undefined;
  const s = response.status;
  if (s >= 400 && s < 500) {
    if (documented) return { exchange, findings: judge(op, exchange) };
    if (authCase && (s === 401 || s === 403)) return { exchange };
  }
  if (s >= 300 && s < 400 && !documented) return { exchange, findings: judge(op, exchange) };
  const expected = `${authCase ? '401, 403 or a documented 4xx' : 'a documented 4xx'} for ${what}`;
  if (s >= 500) return { exchange, findings: [statusFinding(op, response, 'response', 'not_a_server_error', expected)] };
  if (s >= 400) return { exchange, findings: [statusFinding(op, response, 'response', 'status', expected)] };
  return { exchange, findings: [statusFinding(op, response, 'negative', rule, expected)] };
}

async function authCheck(op: OperationMeta, name: AuthName, planned: PlannedRequest, config: EngineConfig): Promise<Outcome> {
  let exchange: Exchange;
  if (name === 'no public key' || name === 'no secret key') {
    exchange = await sendThroughClient(op, planned, config.target, {
      strip: [name === 'no public key' ? PUBLIC_KEY_HEADER : SECRET_KEY_HEADER],
    });
  } else {
    const random = createRandom(seedFor(0, op.operationId + name));
    const keys: RawRequest['keys'] = {
      [PUBLIC_KEY_HEADER]: config.target.publicKey,
      [SECRET_KEY_HEADER]: op.authHeaders.includes(SECRET_KEY_HEADER) ? config.target.secretKey : undefined,
    };
    if (name === 'invalid public key') keys[PUBLIC_KEY_HEADER] = `pub_${random.alnum(24)}`;
    if (name === 'malformed public key') keys[PUBLIC_KEY_HEADER] = 'not-a-key';
    if (name === 'invalid secret key') keys[SECRET_KEY_HEADER] = `sec_${random.alnum(24)}`;
    exchange = await sendRaw(op, { ...planned, keys }, config.target);
  }
  return mustReject(
    op,
    exchange,
    'ignored_auth',
    `a request with ${name === 'no secret key' ? 'only the public key' : name === 'no public key' ? 'no public key' : `an ${name}`}`,
    true,
  );
}

async function negativeCheck(op: OperationMeta, check: PlannedCheck, planned: PlannedRequest, config: EngineConfig): Promise<Outcome> {
  if (check.name === 'bad id') {
    const exchange = await sendRaw(op, withBadId(planned, idParameter(op)!), config.target);
    return mustReject(op, exchange, 'negative_data_rejection', `an invalid id (${JSON.stringify(BAD_ID)})`, false);
  }
  const exchange = await sendRaw(op, planned, config.target);
  return mustReject(op, exchange, 'negative_data_rejection', `a request whose ${check.name}`, false);
}

/** A valid request: never a 4xx (a 404 is allowed for a made-up id) nor a 5xx; the answer must match the spec. */
async function positiveCheck(op: OperationMeta, planned: PlannedRequest, config: EngineConfig): Promise<Outcome> {
  const exchange = await sendThroughClient(op, planned, config.target);
  const unjudged = nothingToJudge(op, exchange, config);
  if (unjudged) return unjudged;
  const response = exchange.response!;
  const s = response.status;
  const findings = judge(op, exchange);
  const hasId = op.parameters.some((p) => p.in === 'path');
  if (s >= 400 && !(s === 404 && hasId)) {
    const rule = s >= 500 ? 'not_a_server_error' : 'positive_data_acceptance';
    const expected = `a 2xx for a request the spec allows${hasId ? ' (or 404 for an id that does not exist)' : ''}`;
    return {
      exchange,
      findings: [statusFinding(op, response, 'response', rule, expected), ...findings.filter((f) => f.rule !== 'status')],
    };
  }
  return { exchange, findings };
}

async function paginationCheck(op: OperationMeta, planned: PlannedRequest, config: EngineConfig): Promise<Outcome> {
  const { request, size } = paginationRequest(op, planned);
  const exchange = await sendThroughClient(op, request, config.target);
  if (!exchange.response) return { exchange, findings: noResponse(op, exchange) };
  const findings = judge(op, exchange);
  const ok = (e: Exchange) => e.response !== undefined && isSuccess(e.response.status);
  if (!ok(exchange)) return { exchange, findings };
  findings.push(...paginationFindings(op, exchange.response.text, size));
  const next = nextPageRequest(op, request, size, exchange.response.text);
  if (!next || findings.length > 0) return { exchange, findings };
  const second = await sendThroughClient(op, next, config.target);
  if (!second.response) return { exchange: second, findings: noResponse(op, second) };
  findings.push(...judge(op, second));
  if (ok(second)) findings.push(...secondPageFindings(op, exchange.response.text, second.response.text, size));
  return { exchange: findings.length > 0 ? second : exchange, findings };
}

async function methodCheck(op: OperationMeta, method: string, planned: PlannedRequest, config: EngineConfig): Promise<Outcome> {
  const exchange = await sendRaw(op, { ...planned, method, body: undefined }, config.target);
  const response = exchange.response;
  if (!response) return { exchange, findings: noResponse(op, exchange) };
  const expected = `405 (or another non-2xx): the spec lists no ${method} for ${op.path}`;
  if (isSuccess(response.status))
    return { exchange, findings: [statusFinding(op, response, 'negative', 'unsupported_method', expected, method)] };
  if (response.status >= 500)
    return { exchange, findings: [statusFinding(op, response, 'response', 'not_a_server_error', expected, method)] };
  return { exchange };
}

function strip(response: NonNullable<Exchange['response']>): CheckResult['response'] {
  const { status, statusText, contentType, bodyExcerpt } = response;
  return { status, statusText, contentType, bodyExcerpt };
}
