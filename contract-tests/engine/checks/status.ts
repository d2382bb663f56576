/** One check per documented status: Prism is asked for it; a live server shows its errors to requests that must fail. */
import { PUBLIC_KEY_HEADER } from '../../../src/auth.js';
import { documentedResponse } from '../../validation/response.js';
import type { CheckModule } from '../check-module.js';
import { idParameter, judge, nothingToJudge, withBadId } from '../check-support.js';
import { type Exchange, isSuccess, sendRaw, sendThroughClient } from '../exchange.js';

export const statusCheck: CheckModule = {
  name: 'status',
  family: 'conformance',
  label: 'documented responses',
  title: (check) => `Documented response ${check.status}`,
  planOperation: ({ operation }) =>
    Object.keys(operation.responses).map((status) => ({ id: `${operation.operationId} ${status}`, kind: 'status', operation, status })),
  async run(check, planned, config) {
    const op = check.operation;
    const statusKey = check.status!;
    const wanted = Number(statusKey);
    if (config.kind === 'prism' && !/^\d{3}$/.test(statusKey))
      return { outcome: 'skipped', reason: `Prism cannot be asked for "${statusKey}"` };
    let exchange: Exchange;
    let keyless = false;
    if (config.kind === 'prism') {
      exchange = await sendThroughClient(op, planned, config.target, { headers: { Prefer: `code=${statusKey}` } });
    } else if (isSuccess(wanted)) {
      exchange = await sendThroughClient(op, planned, config.target);
    } else {
      // A live server cannot be asked for an error; the requests that must fail are the way to see one.
      const id = idParameter(op);
      keyless = !id;
      exchange = id
        ? await sendRaw(op, withBadId(planned, id), config.target)
        : await sendThroughClient(op, planned, config.target, { strip: [PUBLIC_KEY_HEADER] });
    }
    const unjudged = nothingToJudge(op, exchange, config);
    if (unjudged) return unjudged;
    const got = exchange.response!.status;
    if (keyless && got !== wanted && (got === 401 || got === 403)) {
      return {
        exchange,
        outcome: 'skipped',
        reason: `a request without the public key got ${got}, not ${statusKey}: ${statusKey} cannot be provoked on this target`,
      };
    }
    const findings = judge(op, exchange, config.kind === 'prism' ? wanted : undefined);
    if (config.kind === 'live' && got !== wanted && findings.length === 0) {
      const key = documentedResponse(op, got)?.key;
      return {
        exchange,
        outcome: 'skipped',
        reason: `the server answered ${got}${key ? ` (checked against ${key})` : ''}, not ${statusKey}`,
      };
    }
    return { exchange, findings };
  },
};
