/**
 * Shared by the write behaviour checks: each acts only on a resource it creates itself, reads it
 * back by id, looks for it in its list (pages walked within a bound), and removes it again
 * (archive or cancel, as the model names them), listing what it made in the report.
 */
import type { OperationMeta } from '../../src/operation-meta.js';
import { findOperationById } from '../../src/operations.js';
import { isPlainObject } from '../../src/plain-object.js';
import type { Outcome, PlannedCheck } from './check-module.js';
import { noResponse } from './check-support.js';
import type { EngineConfig } from './config.js';
import { type Exchange, isSuccess, sendThroughClient } from './exchange.js';
import { unfiltered } from './model-lists.js';
import { listIn } from './pagination.js';
import { seedFor } from './random.js';
import { buildRequest, type PlannedRequest } from './request-builder.js';
import type { ResourceModel, Transition } from './resource-model.js';
import { parseJson } from './strict-json.js';
import type { CreatedResource } from './types.js';
import { writeBody } from './workflows.js';

type Json = Record<string, unknown>;

export interface WritePlan {
  model: ResourceModel;
  /** The model's role of the write (`update`, `cancel`…), or `transition` for one only `transitions[]` names. */
  role?: string;
  transition?: Transition;
}

export const writePlanOf = (check: PlannedCheck): WritePlan => check.plan as WritePlan;

export const statelessSkip = (config: EngineConfig) =>
  config.kind === 'prism'
    ? 'a Prism mock keeps no state: what a write answers is not what the next read shows (run against a live target with --allow-writes)'
    : undefined;

export const operationOf = (model: ResourceModel, role: string): OperationMeta | undefined => {
  const id = model.operations[role];
  return id ? findOperationById(id) : undefined;
};

/** The resource a body carries: `data.<object>`, or the one object of `data` whose `object` is the model's. */
export function resourceOf(model: ResourceModel, body: unknown): Json | undefined {
  const data = isPlainObject(body) ? body['data'] : undefined;
  if (!isPlainObject(data)) return undefined;
  if (isPlainObject(data[model.object])) return data[model.object] as Json;
  return Object.values(data).find((v): v is Json => isPlainObject(v) && v['object'] === model.object);
}

export type Sent = { exchange: Exchange; resource?: Json } | { outcome: Outcome };

/** Sends one request; no answer is a finding, an answer that is not 2xx ends the check as skipped (the target refused it). */
export async function send(model: ResourceModel, op: OperationMeta, request: PlannedRequest, config: EngineConfig): Promise<Sent> {
  const exchange = await sendThroughClient(op, request, config.target);
  if (!exchange.response) return { outcome: { exchange, findings: noResponse(op, exchange) } };
  if (!isSuccess(exchange.response.status))
    return { outcome: { exchange, outcome: 'skipped', reason: `${op.operationId} answered ${exchange.response.status}` } };
  const resource = resourceOf(model, parseJson(exchange.response.text).value);
  return { exchange, ...(resource ? { resource } : {}) };
}

/** The request of `op` about the resource `id` (its one path parameter). */
export function about(op: OperationMeta, id: string, body?: unknown): PlannedRequest {
  const planned = buildRequest(op);
  const param = op.parameters.find((p) => p.in === 'path')!.name;
  return { ...planned, path: { ...planned.path, [param]: id }, ...(body !== undefined ? { body } : {}) };
}

/** The body a write sends: an update writes seeded values (and the id where its body takes one); others send what the spec requires. */
export function writeBodyFor(op: OperationMeta, role: string | undefined, id: string, seed: number): unknown {
  const planned = buildRequest(op).body;
  if (role !== 'update') return planned;
  return writeBody(op, seedFor(seed, op.operationId), isPlainObject(planned) && 'id' in planned ? { id } : {});
}

export interface Made {
  id: string;
  resource: Json;
  exchange: Exchange;
  body: unknown;
}

/** Creates one resource with seeded values; its id must be in the answer. */
export async function create(model: ResourceModel, config: EngineConfig, seed: number): Promise<Made | { outcome: Outcome }> {
  const op = operationOf(model, 'create')!;
  const body = writeBody(op, seedFor(seed, `${model.name} create`));
  const sent = await send(model, op, { ...buildRequest(op), body }, config);
  if ('outcome' in sent) return sent;
  const id = sent.resource?.['id'];
  if (typeof id !== 'string')
    return { outcome: { exchange: sent.exchange, outcome: 'skipped', reason: `${op.operationId} answered no ${model.name} id` } };
  return { id, resource: sent.resource!, exchange: sent.exchange, body };
}

/** The collection a model's resources are listed under in the report (`discounts`). */
const collectionOf = (model: ResourceModel) => operationOf(model, 'create')?.path.split('/')[2] ?? model.name;

/** What the check made and a write of its own already archived or cancelled. */
export const ended = (model: ResourceModel, id: string): CreatedResource => ({ resource: collectionOf(model), id, archived: true });

/** Archives (or cancels) what the check made, and says for the report whether it could. */
export async function remove(model: ResourceModel, ids: readonly string[], config: EngineConfig): Promise<CreatedResource[]> {
  const op = operationOf(model, 'archive') ?? operationOf(model, 'cancel');
  const out: CreatedResource[] = [];
  for (const id of ids) {
    const done = op ? await send(model, op, about(op, id), config) : undefined;
    out.push({ resource: collectionOf(model), id, archived: done !== undefined && !('outcome' in done) });
  }
  return out;
}

/** Most pages a check reads looking for one item. */
export const MAX_PAGES = 20;

export interface Search {
  found: boolean;
  pages: number;
  items: number;
  exchange?: Exchange;
  outcome?: Outcome;
}

/** Walks the list (no filter, largest page, plus `query`) until `id` shows up, the list ends or MAX_PAGES is read. */
export async function findInList(model: ResourceModel, id: string, config: EngineConfig, query: Json = {}): Promise<Search> {
  const op = operationOf(model, 'list')!;
  const first = unfiltered(op, buildRequest(op));
  let request: PlannedRequest = { ...first, query: { ...first.query, ...query } };
  const has = (name: string) => op.parameters.some((p) => p.in === 'query' && p.name === name);
  let pages = 0;
  let items = 0;
  let exchange: Exchange | undefined;
  while (pages < MAX_PAGES) {
    exchange = await sendThroughClient(op, request, config.target);
    if (!exchange.response) return { found: false, pages, items, exchange, outcome: { exchange, findings: noResponse(op, exchange) } };
    if (!isSuccess(exchange.response.status))
      return {
        found: false,
        pages,
        items,
        exchange,
        outcome: { exchange, outcome: 'skipped', reason: `the list answered ${exchange.response.status}` },
      };
    pages++;
    const list = listIn(parseJson(exchange.response.text).value);
    const page = (list?.items ?? []).filter(isPlainObject);
    items += page.length;
    if (page.some((i) => i['id'] === id)) return { found: true, pages, items, exchange };
    if (!list || page.length === 0 || list.data['hasMore'] === false) break;
    const q = request.query ?? {};
    if (has('skip')) request = { ...request, query: { ...q, skip: Number(q['skip'] ?? 0) + page.length } };
    else if (has('page')) request = { ...request, query: { ...q, page: Number(q['page'] ?? 1) + 1 } };
    else if (has('cursor') && typeof list.data['cursor'] === 'string')
      request = { ...request, query: { ...q, cursor: list.data['cursor'] } };
    else break;
  }
  return { found: false, pages, items, ...(exchange ? { exchange } : {}) };
}
