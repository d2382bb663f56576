/** An answer about one resource is about the resource its path names: its id is the id in the path. */

import { findSpecOperation } from '../../spec/model.js';
import type { CheckModule } from '../check-module.js';
import { noResponse } from '../check-support.js';
import { isSuccess, sendThroughClient } from '../exchange.js';
import { behaviourFinding, fetchList, modelOf, unfiltered } from '../model-lists.js';
import { buildRequest } from '../request-builder.js';
import { resourceModels } from '../resource-model.js';
import { parseJson } from '../strict-json.js';
import { resourceIn } from '../workflows.js';

export const identityCheck: CheckModule = {
  name: 'identity',
  family: 'behaviour',
  label: 'identity (path id)',
  title: (check) => `Identity: ${check.name}`,
  planRun: ({ operations }) =>
    resourceModels().flatMap((model) => {
      const get = operations.find((o) => o.operationId === model.operations['get']);
      const list = operations.find((o) => o.operationId === model.operations['list']);
      const idParam = get?.parameters.find((p) => p.in === 'path');
      if (!get || !list || !idParam) return [];
      return [
        { id: `${model.name} identity`, kind: 'identity', operation: get, name: `${get.path} answers ${idParam.name}`, plan: { model } },
      ];
    }),
  skip: (_check, config) =>
    config.kind === 'prism' ? 'a Prism mock answers its own sample for any id: which resource it returns is not its to keep' : undefined,
  async run(check, planned, config) {
    const get = findSpecOperation(check.operation.operationId)!;
    const list = findSpecOperation(modelOf(check).operations['list']!)!;
    const listed = await fetchList(list, unfiltered(list, buildRequest(list)), config);
    if ('outcome' in listed) return listed.outcome;
    // The last item: a server answering its first resource for every id is caught too.
    const id = listed.items.map((i) => i['id']).findLast((v) => typeof v === 'string');
    if (typeof id !== 'string') return { exchange: listed.exchange, outcome: 'skipped', reason: 'the list holds no item with an id' };
    const idParam = get.parameters.find((p) => p.in === 'path')!.name;
    const exchange = await sendThroughClient(get, { ...planned, path: { ...planned.path, [idParam]: id } }, config.target);
    const response = exchange.response;
    if (!response) return { exchange, findings: noResponse(get, exchange) };
    if (!isSuccess(response.status)) return { exchange, outcome: 'skipped', reason: `the get answered ${response.status}` };
    const answered = resourceIn(parseJson(response.text).value)?.object['id'];
    if (answered === id) return { exchange };
    return {
      exchange,
      findings: [
        behaviourFinding(
          get,
          response.status,
          '/data/*/id',
          'identity_path_id',
          `${JSON.stringify(id)}, the ${idParam} in the path`,
          JSON.stringify(answered ?? null),
        ),
      ],
    };
  },
};
