/** A list without an order asked for comes in the order the spec says is the default (newest first). */

import { findSpecOperation } from '../../spec/model.js';
import type { CheckModule } from '../check-module.js';
import { behaviourFinding, fetchList, modelOf, prismSkip, unfiltered } from '../model-lists.js';
import { resourceModels } from '../resource-model.js';

export const defaultSortCheck: CheckModule = {
  name: 'default-sort',
  family: 'behaviour',
  label: 'default sort',
  title: (check) => `Default sort: ${check.name}`,
  planRun: ({ operations }) =>
    resourceModels().flatMap((model) => {
      const op = operations.find((o) => o.operationId === model.operations['list']);
      const sort = model.list?.defaultSort;
      if (!op || !sort) return [];
      return [
        {
          id: `${model.name} list default sort`,
          kind: 'default-sort',
          operation: op,
          name: `${sort.field} ${sort.order}`,
          plan: { model },
        },
      ];
    }),
  skip: (_check, config) => prismSkip(config),
  async run(check, planned, config) {
    const op = findSpecOperation(check.operation.operationId)!;
    const model = modelOf(check);
    const sort = model.list!.defaultSort!;
    const got = await fetchList(op, unfiltered(op, planned), config);
    if ('outcome' in got) return got.outcome;
    const values = got.items.map((i) => i[sort.field]);
    for (let i = 1; i < values.length; i++) {
      const [a, b] = [values[i - 1], values[i]];
      if (typeof a !== 'number' || typeof b !== 'number') continue;
      if (sort.order === 'desc' ? b > a : b < a)
        return {
          exchange: got.exchange,
          findings: [
            behaviourFinding(
              op,
              got.exchange.response?.status,
              `/data/${model.list!.items}/${i}/${sort.field}`,
              'default_sort',
              `${sort.order === 'desc' ? 'at most' : 'at least'} ${a} (${sort.field} ${sort.order}, the documented default)`,
              String(b),
            ),
          ],
        };
    }
    return { exchange: got.exchange };
  },
};
