/** The pieces several checks share: the invalid id, the findings made before or about a status, and the rule for what must be rejected. */
import { isSafeMethod, type OperationMeta } from '../../src/operation-meta.js';
import { isPlainObject } from '../../src/plain-object.js';
import { documentedResponse } from '../validation/response.js';
import { validateAgainst } from '../validation/validators.js';
import { limitError } from './capped-body.js';
import type { Outcome } from './check-module.js';
import type { EngineConfig } from './config.js';
import { type Exchange, isClientRefusal, type RawRequest } from './exchange.js';
import { finding, findingContext, statusLine } from './finding.js';
import { limitFinding } from './finding-limits.js';
import type { PlannedRequest } from './request-builder.js';
import { checkResponse } from './response-checker.js';
import { parseJson } from './strict-json.js';
import type { Finding, FindingKind } from './types.js';

/** A path id no id schema accepts (not a UUID, not an order number). */
export const BAD_ID = 'not_an_id!';

export const isWrite = (op: OperationMeta) => !isSafeMethod(op.method);

/** The path parameter an invalid id can be put in: the first whose schema rejects BAD_ID. */
export function idParameter(op: OperationMeta): string | undefined {
  return op.parameters.find((p) => p.in === 'path' && validateAgainst(p.schema, BAD_ID).length > 0)?.name;
}

/** A finding made before any response came: `request` blames our side (the request could not be built or sent). */
export function unanswered(op: OperationMeta, kind: FindingKind, rule: string, expected: string, actual: string): Finding {
  return finding(findingContext(op, undefined), { kind, pointer: '', rule, expected, actual });
}

/** Findings when no response came back: the client refused (our bug) or the connection failed. */
export function noResponse(op: OperationMeta, exchange: Exchange): Finding[] {
  const message = exchange.error?.message ?? 'no response';
  const limit = limitError(exchange.error);
  if (limit) return [limitFinding(op, limit)];
  if (isClientRefusal(exchange.error))
    return [unanswered(op, 'request', 'client', 'the client sends the request the spec allows', message)];
  return [unanswered(op, 'response', 'connection', 'a response', message)];
}

/** A finding about the status a response came back with: pointer `status`, actual `404 Not Found`. */
export function statusFinding(
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
export function nothingToJudge(op: OperationMeta, exchange: Exchange, config: EngineConfig): Outcome | undefined {
  if (!exchange.response) return { exchange, findings: noResponse(op, exchange) };
  const rejected = config.kind === 'prism' ? requestViolations(op, exchange) : [];
  return rejected.length > 0 ? { exchange, findings: rejected } : undefined;
}

export const judge = (op: OperationMeta, exchange: Exchange, expectedStatus?: number): Finding[] =>
  checkResponse(
    op,
    { ...exchange.response!, location: exchange.response!.headers.get('location') },
    expectedStatus !== undefined ? { expectedStatus } : {},
  );

/** The planned request with BAD_ID in path parameter `id`. */
export const withBadId = (planned: PlannedRequest, id: string): RawRequest => ({ ...planned, path: { ...planned.path, [id]: BAD_ID } });

/**
 * A request that must be rejected: a documented 4xx passes (its body is checked), 401/403 pass
 * for auth cases even if undocumented, a 2xx is the finding `rule`, a 5xx is a server error.
 */
export function mustReject(op: OperationMeta, exchange: Exchange, rule: string, what: string, authCase: boolean): Outcome {
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
