/** Every item of a filtered list matches the filter; the value filtered by is taken from the list itself, never made up. */

import { findSpecOperation } from '../../spec/model.js';
import type { CheckModule } from '../check-module.js';
import { behaviourFinding, fetchList, modelOf, prismSkip, unfiltered } from '../model-lists.js';
import { resourceModels } from '../resource-model.js';

export const filtersCheck: CheckModule = {
  name: 'filters',
  family: 'behaviour',
  label: 'list filters',
  title: (check) => `List filters: every item matches ${check.name}`,
  planRun: ({ operations }) =>
    resourceModels().flatMap((model) => {
      const op = operations.find((o) => o.operationId === model.operations['list']);
      const filters = model.list?.filters ?? [];
      if (!op || filters.length === 0) return [];
      return [
        {
          id: `${model.name} list filters`,
          kind: 'filters',
          operation: op,
          name: filters.map((f) => f.parameter).join(', '),
          plan: { model },
        },
      ];
    }),
  skip: (_check, config) => prismSkip(config),
  async run(check, planned, config) {
    const op = findSpecOperation(check.operation.operationId)!;
    const base = unfiltered(op, planned);
    const all = await fetchList(op, base, config);
    if ('outcome' in all) return all.outcome;
    const findings = [];
    let last = all.exchange;
    let tried = 0;
    for (const f of modelOf(check).list?.filters ?? []) {
      const value = all.items.map((i) => i[f.field]).find((v) => typeof v === 'string' || typeof v === 'number');
      if (value === undefined || value === f.any) continue;
      tried++;
      const filtered = await fetchList(
        op,
        { ...base, query: { ...base.query, [f.parameter]: f.match === 'in' ? [value] : value } },
        config,
      );
      if ('outcome' in filtered) return filtered.outcome;
      last = filtered.exchange;
      const other = filtered.items.findIndex((i) => i[f.field] !== value);
      if (other >= 0) {
        const key = Object.keys(filtered.items[other] ?? {}).length ? other : 0;
        findings.push(
          behaviourFinding(
            op,
            filtered.exchange.response?.status,
            `/data/${modelOf(check).list?.items}/${key}/${f.field}`,
            'filter_ignored',
            `${JSON.stringify(value)} (${f.parameter}=${value})`,
            JSON.stringify(filtered.items[other]![f.field] ?? null),
          ),
        );
      }
    }
    if (tried === 0) return { exchange: last, outcome: 'skipped', reason: 'the list holds no item to take a filter value from' };
    return { exchange: last, findings };
  },
};
