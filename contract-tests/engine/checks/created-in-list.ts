/** Create → the item is in its list: the id a create answered shows up in the unfiltered list, its pages walked within a bound. */
import type { CheckModule } from '../check-module.js';
import { behaviourFinding } from '../model-lists.js';
import { create, findInList, MAX_PAGES, operationOf, remove, statelessSkip, writePlanOf } from '../model-writes.js';
import { resourceModels } from '../resource-model.js';

export const createdInListCheck: CheckModule = {
  name: 'created-in-list',
  family: 'behaviour',
  label: 'created item in its list',
  title: (check) => `Created item in its list: ${check.name}`,
  planRun: ({ operations, seed }) =>
    resourceModels().flatMap((model) => {
      const op = operations.find((o) => o.operationId === model.operations['create']);
      const list = operations.find((o) => o.operationId === model.operations['list']);
      if (!op || !list || !model.operations['get']) return [];
      return [
        {
          id: `${model.name} created in list`,
          kind: 'created-in-list',
          operation: op,
          name: `${op.path} → ${list.path}`,
          seed,
          plan: { model },
        },
      ];
    }),
  skip: (_check, config) => statelessSkip(config),
  async run(check, _planned, config) {
    const { model } = writePlanOf(check);
    const made = await create(model, config, check.seed ?? 0);
    if ('outcome' in made) return made.outcome;
    const search = await findInList(model, made.id, config);
    const created = await remove(model, [made.id], config);
    if (search.outcome) return { ...search.outcome, created };
    if (search.found) return { exchange: search.exchange ?? made.exchange, created };
    const list = operationOf(model, 'list')!;
    return {
      exchange: search.exchange ?? made.exchange,
      created,
      findings: [
        behaviourFinding(
          list,
          search.exchange?.response?.status,
          `/data/${model.list?.items ?? '*'}`,
          'created_in_list',
          `the ${model.name} ${made.id} that ${check.operation.operationId} answered`,
          `absent from ${search.pages} page${search.pages === 1 ? '' : 's'} (${search.items} items${search.pages >= MAX_PAGES ? `, stopped after ${MAX_PAGES} pages` : ''})`,
        ),
      ],
    };
  },
};
