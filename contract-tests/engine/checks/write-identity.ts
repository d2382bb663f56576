/**
 * Identity for writes: a created or duplicated id is new (not one already listed, not the source's)
 * and can be got; a write answering the resource answers the one whose id is in its path.
 */
import type { OperationMeta } from '../../../src/operation-meta.js';
import type { CheckModule } from '../check-module.js';
import { isSuccess, sendThroughClient } from '../exchange.js';
import { statusLine } from '../finding.js';
import { behaviourFinding, fetchList, unfiltered } from '../model-lists.js';
import { about, create, ended, operationOf, remove, resourceOf, send, statelessSkip, writeBodyFor, writePlanOf } from '../model-writes.js';
import { buildRequest } from '../request-builder.js';
import { resourceModels } from '../resource-model.js';
import { parseJson } from '../strict-json.js';
import type { Finding } from '../types.js';

/** Writes by id, those that leave the resource usable first. */
const BY_ID = ['update', 'cancel', 'archive'];

export const writeIdentityCheck: CheckModule = {
  name: 'write-identity',
  family: 'behaviour',
  label: 'write identity',
  title: (check) => `Write identity: ${check.name}`,
  planRun: ({ operations, seed }) =>
    resourceModels().flatMap((model) => {
      const op = operations.find((o) => o.operationId === model.operations['create']);
      if (!op || !model.operations['get']) return [];
      const writes = ['duplicate', ...BY_ID].filter((r) => model.operations[r]);
      return [
        {
          id: `${model.name} write identity`,
          kind: 'write-identity',
          operation: op,
          name: ['create', ...writes].join(', '),
          seed,
          plan: { model },
        },
      ];
    }),
  skip: (_check, config) => statelessSkip(config),
  async run(check, _planned, config) {
    const { model } = writePlanOf(check);
    const seed = check.seed ?? 0;
    const get = operationOf(model, 'get')!;
    const list = operationOf(model, 'list');
    const findings: Finding[] = [];
    const flag = (op: OperationMeta, status: number | undefined, rule: string, field: string, expected: string, actual: string) =>
      findings.push(behaviourFinding(op, status, `/data/${model.object}/${field}`, rule, expected, actual));
    const before = list ? await fetchList(list, unfiltered(list, buildRequest(list)), config) : undefined;
    const listed = new Set(before && !('outcome' in before) ? before.items.map((i) => i['id']) : []);
    const made = await create(model, config, seed);
    if ('outcome' in made) return made.outcome;
    const createOp = check.operation;
    let last = made.exchange;
    if (listed.has(made.id))
      flag(
        createOp,
        made.exchange.response?.status,
        'write_new_id',
        'id',
        `an id no listed ${model.name} had before the create`,
        JSON.stringify(made.id),
      );
    const gettable = async (id: string, by: string) => {
      const exchange = await sendThroughClient(get, about(get, id), config.target);
      const response = exchange.response;
      last = exchange;
      if (!response || !isSuccess(response.status))
        return flag(
          get,
          response?.status,
          'write_getable',
          'id',
          `a 2xx for the ${model.name} ${id} that ${by} answered`,
          response ? statusLine(response) : 'no response',
        );
      const answered = resourceOf(model, parseJson(response.text).value)?.['id'];
      if (answered !== id)
        flag(get, response.status, 'write_getable', 'id', `the ${model.name} ${id} that ${by} answered`, JSON.stringify(answered ?? null));
    };
    await gettable(made.id, createOp.operationId);
    const extra: string[] = [];
    const duplicate = operationOf(model, 'duplicate');
    if (duplicate) {
      const dup = await send(model, duplicate, about(duplicate, made.id, writeBodyFor(duplicate, 'duplicate', made.id, seed)), config);
      const id = 'outcome' in dup ? undefined : dup.resource?.['id'];
      if (!('outcome' in dup)) last = dup.exchange;
      if (id === made.id)
        flag(duplicate, last.response?.status, 'write_new_id', 'id', `an id other than the source's (${made.id})`, JSON.stringify(id));
      else if (typeof id === 'string') {
        extra.push(id);
        await gettable(id, duplicate.operationId);
      }
    }
    let isEnd = false;
    for (const role of BY_ID) {
      const op = operationOf(model, role);
      if (!op) continue;
      const wrote = await send(model, op, about(op, made.id, writeBodyFor(op, role, made.id, seed)), config);
      if ('outcome' in wrote) continue;
      last = wrote.exchange;
      if (role !== 'update') isEnd = true;
      const id = wrote.resource?.['id'];
      if (wrote.resource && id !== made.id)
        flag(
          op,
          wrote.exchange.response?.status,
          'write_path_id',
          'id',
          `${JSON.stringify(made.id)}, the id in the path`,
          JSON.stringify(id ?? null),
        );
      if (isEnd) break;
    }
    const created = [...(isEnd ? [ended(model, made.id)] : []), ...(await remove(model, [...(isEnd ? [] : [made.id]), ...extra], config))];
    return { exchange: last, findings, created };
  },
};
