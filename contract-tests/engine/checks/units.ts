/** A field the model says is Unix milliseconds holds a current time as milliseconds (≥ 10^12), not seconds. */
import { isPlainObject } from '../../../src/plain-object.js';
import { findSpecOperation } from '../../spec/model.js';
import type { CheckModule } from '../check-module.js';
import { behaviourFinding, fetchList, modelOf, prismSkip, unfiltered } from '../model-lists.js';
import { type ResourceModel, resourceModels } from '../resource-model.js';
import type { Finding } from '../types.js';

/**
 * 10^12 ms is September 2001: any current time in milliseconds is above it. A value from 10^9
 * (2001 in seconds) up to it is a current time written in seconds; smaller values are no current
 * time in either unit (a sample, a zero) and are not judged.
 */
const MS_FLOOR = 1e12;
const SECONDS_FLOOR = 1e9;

export const unitsCheck: CheckModule = {
  name: 'units',
  family: 'behaviour',
  label: 'units (Unix ms)',
  title: (check) => `Units: ${check.name} in Unix milliseconds`,
  planRun: ({ operations }) =>
    resourceModels().flatMap((model) => {
      const op = operations.find((o) => o.operationId === model.operations['list']);
      const fields = Object.keys(model.units).filter((k) => model.units[k] === 'unix-ms');
      if (!op || fields.length === 0) return [];
      return [{ id: `${model.name} units`, kind: 'units', operation: op, name: fields.join(', '), plan: { model } }];
    }),
  skip: (_check, config) => prismSkip(config),
  async run(check, planned, config) {
    const op = findSpecOperation(check.operation.operationId)!;
    const got = await fetchList(op, unfiltered(op, planned), config);
    if ('outcome' in got) return got.outcome;
    // Every object of a known resource in the answer, nested ones included, by its `object` constant.
    const byObject = new Map(resourceModels().map((m) => [m.object, m]));
    const findings: Finding[] = [];
    // The list's items are the check's resource, whether or not they carry `object`.
    const walk = (value: unknown, pointer: string, own?: ResourceModel) => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          walk(v, `${pointer}/${i}`, own);
        });
        return;
      }
      if (!isPlainObject(value)) return;
      const model = typeof value['object'] === 'string' ? byObject.get(value['object']) : own;
      for (const [k, v] of Object.entries(value)) {
        if (model?.units[k] === 'unix-ms' && typeof v === 'number' && v >= SECONDS_FLOOR && v < MS_FLOOR)
          findings.push(
            behaviourFinding(
              op,
              got.exchange.response?.status,
              `${pointer}/${k}`,
              'unit_unix_ms',
              `Unix milliseconds (≥ ${MS_FLOOR} for a current time)`,
              `${v} (seconds?)`,
            ),
          );
        else walk(v, `${pointer}/${k}`);
      }
    };
    walk(got.items, `/data/${modelOf(check).list?.items ?? 'items'}`, modelOf(check));
    return { exchange: got.exchange, findings };
  },
};
