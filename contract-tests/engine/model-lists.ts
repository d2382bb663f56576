/** Shared by the behaviour checks on lists: one list request without filters, and the items of its answer. */
import type { OperationMeta } from '../../src/operation-meta.js';
import { validateAgainst } from '../validation/validators.js';
import type { Outcome, PlannedCheck } from './check-module.js';
import { noResponse } from './check-support.js';
import type { EngineConfig } from './config.js';
import { type Exchange, isSuccess, sendThroughClient } from './exchange.js';
import { finding, findingContext } from './finding.js';
import { listIn, sizeParameter } from './pagination.js';
import type { PlannedRequest } from './request-builder.js';
import type { ResourceModel } from './resource-model.js';
import { parseJson } from './strict-json.js';
import type { Finding } from './types.js';

export interface ModelPlan {
  model: ResourceModel;
}

export const modelOf = (check: PlannedCheck): ResourceModel => (check.plan as ModelPlan).model;

/** The first page of the list as it is, as large as the spec allows (up to 100): no filter, no offset. */
export function unfiltered(op: OperationMeta, planned: PlannedRequest): PlannedRequest {
  const size = sizeParameter(op);
  const query: Record<string, unknown> = {};
  const fits = size && [100, 50, 20, 10, 5].find((n) => validateAgainst(size.schema, n).length === 0);
  if (size && fits) query[size.name] = fits;
  return { ...planned, query };
}

export type ListAnswer = { exchange: Exchange; items: Record<string, unknown>[] } | { outcome: Outcome };

/** Sends a list request and returns its items; an answer without a list is an outcome of its own. */
export async function fetchList(op: OperationMeta, request: PlannedRequest, config: EngineConfig): Promise<ListAnswer> {
  const exchange = await sendThroughClient(op, request, config.target);
  if (!exchange.response) return { outcome: { exchange, findings: noResponse(op, exchange) } };
  if (!isSuccess(exchange.response.status))
    return { outcome: { exchange, outcome: 'skipped', reason: `the list answered ${exchange.response.status}` } };
  const list = listIn(parseJson(exchange.response.text).value);
  const items = (list?.items ?? []).filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null);
  return { exchange, items };
}

export const behaviourFinding = (
  op: OperationMeta,
  status: number | undefined,
  pointer: string,
  rule: string,
  expected: string,
  actual: string,
): Finding => finding(findingContext(op, status), { kind: 'response', pointer, rule, expected, actual });

export const prismSkip = (config: EngineConfig) =>
  config.kind === 'prism' ? 'a Prism mock invents every list: what it holds, its order and its timestamps are not its to keep' : undefined;
