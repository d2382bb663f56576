/**
 * Read after write, for every write the resource model names (update, archive, cancel, duplicate and
 * each `transitions[]` entry): on a resource the check creates, the next get shows what the write
 * answered and wrote (units converted), the state the model says it leaves (`sets`), and an archived
 * resource is out of the default list.
 */
import { findOperationById } from '../../../src/operations.js';
import type { CheckModule } from '../check-module.js';
import { behaviourFinding } from '../model-lists.js';
import {
  about,
  create,
  ended,
  findInList,
  operationOf,
  remove,
  send,
  statelessSkip,
  type WritePlan,
  writeBodyFor,
  writePlanOf,
} from '../model-writes.js';
import { scalars, writtenDiffs } from '../read-back.js';
import { resourceModels } from '../resource-model.js';
import type { Finding } from '../types.js';
import { resourceSchema } from '../workflows.js';

const ROLES = ['update', 'cancel', 'archive', 'duplicate'];

export const readAfterWriteCheck: CheckModule = {
  name: 'read-after-write',
  family: 'behaviour',
  label: 'read after write',
  title: (check) => `Read after write: ${check.name}`,
  planRun: ({ operations, seed }) =>
    // The checks change only what they made: a resource the model gives no create (orders) is left alone.
    resourceModels().flatMap((model) => {
      if (!model.operations['create'] || !model.operations['get']) return [];
      const writes = new Map<string, WritePlan>();
      for (const role of ROLES) if (model.operations[role]) writes.set(model.operations[role], { model, role });
      for (const t of model.transitions ?? []) {
        const role = ROLES.find((r) => model.operations[r] === t.operationId) ?? 'transition';
        writes.set(t.operationId, { model, role, transition: t });
      }
      return [...writes].flatMap(([operationId, plan]) => {
        const op = operations.find((o) => o.operationId === operationId);
        if (!op) return [];
        return [
          {
            id: `${model.name} read after ${plan.role === 'transition' ? operationId : plan.role}`,
            kind: 'read-after-write',
            operation: op,
            name: `${op.method.toUpperCase()} ${op.path}, then get`,
            seed,
            plan,
          },
        ];
      });
    }),
  skip: (_check, config) => statelessSkip(config),
  async run(check, _planned, config) {
    const { model, role, transition } = writePlanOf(check);
    const write = findOperationById(check.operation.operationId)!;
    const get = operationOf(model, 'get')!;
    const seed = check.seed ?? 0;
    const made = await create(model, config, seed);
    if ('outcome' in made) return made.outcome;
    const copies: string[] = [];
    const body = writeBodyFor(write, role, made.id, seed);
    const wrote = await send(model, write, about(write, made.id, body), config);
    if ('outcome' in wrote) return { ...wrote.outcome, created: await remove(model, [made.id], config) };
    const creates = transition?.creates === true || role === 'duplicate';
    const target = creates ? wrote.resource?.['id'] : made.id;
    if (creates && typeof target === 'string' && target !== made.id) copies.push(target);
    const isEnd = role === 'archive' || role === 'cancel' || transition?.archived === true;
    const cleanUp = async () => [
      ...(isEnd ? [ended(model, made.id)] : []),
      ...(await remove(model, [...(isEnd ? [] : [made.id]), ...copies], config)),
    ];
    if (typeof target !== 'string')
      return {
        exchange: wrote.exchange,
        outcome: 'skipped',
        reason: `${write.operationId} answered no ${model.name} id`,
        created: await cleanUp(),
      };
    const findings: Finding[] = [];
    let last = wrote.exchange;
    let compared = 0;
    const read = await send(model, get, about(get, target), config);
    // An archived resource may no longer be got by id; the list still says whether it left.
    if ('outcome' in read && !transition?.archived) return { ...read.outcome, created: await cleanUp() };
    if (!('outcome' in read)) {
      last = read.exchange;
      const shown = read.resource ?? {};
      const status = read.exchange.response?.status;
      const differs = (field: string, expected: string, actual: unknown) =>
        findings.push(
          behaviourFinding(get, status, `/data/${model.object}/${field}`, 'read_after_write', expected, JSON.stringify(actual ?? null)),
        );
      const seen = new Set<string>();
      compared += scalars(wrote.resource).filter(([f]) => f !== 'id' && f in shown).length;
      compared += scalars(body).filter(([f]) => f !== 'id' && f in shown).length + Object.keys(transition?.sets ?? {}).length;
      // What the write answered, field by field (ids are the identity check's).
      for (const [field, value] of scalars(wrote.resource)) {
        if (field === 'id' || !(field in shown) || JSON.stringify(shown[field]) === JSON.stringify(value)) continue;
        seen.add(field);
        differs(field, `${JSON.stringify(value)}, as ${write.operationId} answered`, shown[field]);
      }
      for (const d of writtenDiffs(body, write, shown, resourceSchema(get)))
        if (!seen.has(d.field)) {
          seen.add(d.field);
          differs(d.field, `${JSON.stringify(d.expected)}${d.as}, as ${write.operationId} wrote`, d.actual);
        }
      for (const [field, value] of Object.entries(transition?.sets ?? {}))
        if (!seen.has(field) && JSON.stringify(shown[field]) !== JSON.stringify(value))
          differs(field, `${JSON.stringify(value)}, the state ${write.operationId} leaves`, shown[field]);
    }
    if (transition?.archived && model.list?.includeArchived && operationOf(model, 'list')) {
      compared++;
      const search = await findInList(model, target, config);
      if (search.outcome) return { ...search.outcome, created: await cleanUp() };
      if (search.exchange) last = search.exchange;
      if (search.found) {
        const list = operationOf(model, 'list')!;
        findings.push(
          behaviourFinding(
            list,
            search.exchange?.response?.status,
            `/data/${model.list.items}`,
            'read_after_write',
            `no ${model.name} ${target} in the default list (without ${model.list.includeArchived}) after ${write.operationId}`,
            `listed on page ${search.pages}`,
          ),
        );
      }
    }
    if (compared === 0)
      return {
        exchange: last,
        outcome: 'skipped',
        reason: `nothing to read back: ${write.operationId} answers no ${model.name} field and the model records no state it leaves`,
        created: await cleanUp(),
      };
    return { exchange: last, findings, created: await cleanUp() };
  },
};
