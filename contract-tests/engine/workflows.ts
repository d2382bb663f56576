/**
 * Stateful workflows (with --allow-writes against a live target): create → get → update → get →
 * archive for each resource whose operations the spec names that way. What is read back must match
 * what was written; every id the run creates is listed in the report, archived when it can be.
 */
import type { OperationMeta } from '../../src/operation-meta.js';
import { isPlainObject } from '../../src/plain-object.js';
import { validateAgainst } from '../validation/validators.js';
import type { EngineConfig } from './config.js';
import { type Exchange, isSuccess, sendThroughClient } from './exchange.js';
import { finding, findingContext, statusLine } from './finding.js';
import { createRandom, seedFor } from './random.js';
import { scalars, writtenDiffs } from './read-back.js';
import { buildRequest, type PlannedRequest } from './request-builder.js';
import { checkResponse } from './response-checker.js';
import { sampleOrUndefined } from './schema-sample.js';
import { dataSchema, propertiesOf, requestBodySchema } from './spec-schema.js';
import { parseJson } from './strict-json.js';
import type { CreatedResource, Finding } from './types.js';

export interface Workflow {
  resource: string;
  create: OperationMeta;
  get: OperationMeta;
  update?: OperationMeta;
  archive?: OperationMeta;
}

/** Resources with `POST /v0/<r>/create` and `GET /v0/<r>/{id}`, plus their `…/{id}/update` and `…/{id}/archive`. */
export function findWorkflows(operations: readonly OperationMeta[]): Workflow[] {
  const out: Workflow[] = [];
  for (const create of operations.filter((op) => op.method === 'post' && /^\/v0\/[^/{}]+\/create$/.test(op.path))) {
    const base = create.path.replace(/\/create$/, '');
    const byPath = (method: string, re: RegExp) => operations.find((op) => op.method === method && re.test(op.path));
    const get = byPath('get', new RegExp(`^${base}/\\{[^}]+\\}$`));
    if (!get) continue;
    const update = byPath('patch', new RegExp(`^${base}/\\{[^}]+\\}/update$`));
    const archive = byPath('patch', new RegExp(`^${base}/\\{[^}]+\\}/archive$`));
    // Without a resource object with an id in both answers there is nothing to follow.
    if (![create, get].every((op) => isPlainObject(propertiesOf(resourceSchema(op))['id']))) continue;
    out.push({ resource: base.split('/').pop()!, create, get, ...(update ? { update } : {}), ...(archive ? { archive } : {}) });
  }
  return out;
}

export interface WorkflowOutcome {
  findings: Finding[];
  /** The exchange to show: the first that failed, else the last. */
  exchange?: Exchange;
  created?: CreatedResource;
  /** Steps done, for the report: `create get update get archive`. */
  steps: string[];
}

type Json = Record<string, unknown>;

/** The resource object of a `{ data: { <resource>: {...} } }` body, with its `data` and key. */
export function resourceIn(body: unknown): { data: Json; key: string; object: Json } | undefined {
  const data = isPlainObject(body) ? body['data'] : undefined;
  if (!isPlainObject(data)) return undefined;
  const key = Object.keys(data).find((k) => isPlainObject(data[k]));
  return key === undefined ? undefined : { data, key, object: data[key] as Json };
}

const resourceObject = (text: string | undefined) => resourceIn(parseJson(text ?? '').value)?.object;

/** The schema of the resource object in an operation's 200 body. */
export function resourceSchema(op: OperationMeta): unknown {
  return Object.values(propertiesOf(dataSchema(op))).find((p) => Object.keys(propertiesOf(p)).length > 0);
}

/** A body for `op` with required fields, plus the optional scalar ones a read-back can show. */
export function writeBody(op: OperationMeta, seed: number, fixed: Json = {}): unknown {
  const schema = requestBodySchema(op);
  if (schema === undefined) return undefined;
  const base = buildRequest(op).body as Json;
  const full = sampleOrUndefined(schema, 'request body', { optional: true, random: createRandom(seed) });
  const body: Json = { ...base, ...fixed };
  const properties = propertiesOf(schema);
  const random = createRandom(seed);
  for (const [name, value] of scalars(full)) {
    if (name in body || !(name in properties) || /password|secret/i.test(name)) continue;
    // Strings get a seeded mark, so what an update writes differs from what the create wrote.
    const tag = random.alnum(6).toLowerCase();
    const tries = typeof value === 'string' ? [`${tag}${value}`, `${value}${tag}`, value] : [value];
    const fits = tries.find((v) => validateAgainst(schema, { ...body, [name]: v }).length === 0);
    if (fits !== undefined) body[name] = fits;
  }
  return body;
}

export async function runWorkflow(wf: Workflow, config: EngineConfig, seed: number): Promise<WorkflowOutcome> {
  const steps: string[] = [];
  const findings: Finding[] = [];
  let last: Exchange | undefined;
  const f = (op: OperationMeta, rule: string, pointer: string, expected: string, actual: string, status?: number) =>
    finding(findingContext(op, status), { kind: 'response', pointer, rule, expected, actual });
  const send = async (step: string, op: OperationMeta, planned: PlannedRequest): Promise<Exchange | undefined> => {
    steps.push(step);
    const exchange = await sendThroughClient(op, planned, config.target);
    last = exchange;
    const response = exchange.response;
    if (!response) {
      findings.push(f(op, 'connection', '', 'a response', exchange.error?.message ?? 'no response'));
      return undefined;
    }
    findings.push(...checkResponse(op, { ...response, location: response.headers.get('location') }));
    if (!isSuccess(response.status)) {
      findings.push(
        f(
          op,
          'stateful_workflow',
          'status',
          `a 2xx for ${step} of a ${wf.resource} this run created`,
          statusLine(response),
          response.status,
        ),
      );
      return undefined;
    }
    return exchange;
  };
  const readBack = async (written: unknown, writer: OperationMeta, id: string, idParam: string, after: string): Promise<boolean> => {
    const got = await send('get', wf.get, { ...buildRequest(wf.get), path: { [idParam]: id } });
    if (!got) return false;
    const object = resourceObject(got.response?.text);
    const differs = (pointer: string, expected: string, actual: string) =>
      findings.push(f(wf.get, 'stateful_readback', pointer, expected, actual, got.response?.status));
    if (object?.['id'] !== id) differs('/data/*/id', `the id ${id} returned by ${after}`, JSON.stringify(object?.['id'] ?? null));
    for (const d of writtenDiffs(written, writer, object ?? {}, resourceSchema(wf.get)))
      differs(`/data/*/${d.field}`, `${JSON.stringify(d.expected)}${d.as} as written by ${after}`, JSON.stringify(d.actual));
    return true;
  };
  const createBody = writeBody(wf.create, seedFor(seed, `${wf.resource} create`));
  const created = await send('create', wf.create, { ...buildRequest(wf.create), body: createBody });
  const id = created ? resourceObject(created.response?.text)?.['id'] : undefined;
  if (created && typeof id !== 'string')
    findings.push(
      f(
        wf.create,
        'stateful_workflow',
        '/data/*/id',
        `the id of the created ${wf.resource}`,
        'none in the response',
        created.response?.status,
      ),
    );
  if (typeof id !== 'string') return { findings, steps, ...(last ? { exchange: last } : {}) };
  const record: CreatedResource = { resource: wf.resource, id, archived: false };
  const idParam = wf.get.parameters.find((p) => p.in === 'path')!.name;
  const pathOf = (op: OperationMeta) => ({ [op.parameters.find((p) => p.in === 'path')!.name]: id });
  if (await readBack(createBody, wf.create, id, idParam, 'create')) {
    if (wf.update) {
      const updateBody = writeBody(
        wf.update,
        seedFor(seed, `${wf.resource} update`),
        isPlainObject(buildRequest(wf.update).body) && 'id' in (buildRequest(wf.update).body as Json) ? { id } : {},
      );
      if (await send('update', wf.update, { ...buildRequest(wf.update), path: pathOf(wf.update), body: updateBody }))
        await readBack(updateBody, wf.update, id, idParam, 'update');
    }
  }
  if (wf.archive && (await send('archive', wf.archive, { ...buildRequest(wf.archive), path: pathOf(wf.archive) }))) record.archived = true;
  return { findings, steps, created: record, ...(last ? { exchange: last } : {}) };
}
