/** Requests that must be rejected: an invalid path id, generated invalid query/body data, nested and path-id variants. */
import type { CheckModule } from '../check-module.js';
import { BAD_ID, idParameter, mustReject, withBadId } from '../check-support.js';
import { sendRaw } from '../exchange.js';
import { nestedBodyVariants } from '../nested-body-variants.js';
import { pathIdVariants } from '../path-id-variants.js';
import { createRandom, seedFor } from '../random.js';
import { negativeVariants } from '../variants.js';

export const negativeCheck: CheckModule = {
  name: 'negative',
  family: 'data',
  label: 'negative data (must reject)',
  title: (check) => `Negative data: rejects a request with ${check.name === 'bad id' ? 'an invalid id' : check.name}`,
  planOperation({ operation, valid, seed, random }) {
    const id = operation.operationId;
    const checks = idParameter(operation) ? [{ id: `${id} rejects: bad id`, kind: 'negative', operation, name: 'bad id' }] : [];
    if (!valid) return checks;
    const variants = [
      ...negativeVariants(operation, valid, random()),
      // Its own random stream: adding nested variants leaves the other generated requests of a seed as they were.
      ...nestedBodyVariants(operation, valid, createRandom(seedFor(seed, `${id} nested`))),
      ...pathIdVariants(operation, valid),
    ];
    return [
      ...checks,
      ...variants.map((v) => ({ id: `${id} rejects: ${v.name}`, kind: 'negative', operation, name: v.name, request: v.request })),
    ];
  },
  async run(check, planned, config) {
    const op = check.operation;
    if (check.name === 'bad id') {
      const exchange = await sendRaw(op, withBadId(planned, idParameter(op)!), config.target);
      return mustReject(op, exchange, 'negative_data_rejection', `an invalid id (${JSON.stringify(BAD_ID)})`, false);
    }
    const exchange = await sendRaw(op, planned, config.target);
    return mustReject(op, exchange, 'negative_data_rejection', `a request whose ${check.name}`, false);
  },
};
