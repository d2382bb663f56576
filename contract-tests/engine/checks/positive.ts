/** Generated valid requests: never a 4xx (a 404 is allowed for a made-up id) nor a 5xx; the answer must match the spec. */
import type { CheckModule } from '../check-module.js';
import { judge, nothingToJudge, statusFinding } from '../check-support.js';
import { sendThroughClient } from '../exchange.js';
import { positiveVariants } from '../variants.js';

export const positiveCheck: CheckModule = {
  name: 'positive',
  family: 'data',
  label: 'positive data (must accept)',
  title: (check) => `Positive data: accepts a request with ${check.name}`,
  planOperation: ({ operation, valid, random }) =>
    valid
      ? positiveVariants(operation, valid, random()).map((v) => ({
          id: `${operation.operationId} accepts: ${v.name}`,
          kind: 'positive',
          operation,
          name: v.name,
          request: v.request,
        }))
      : [],
  async run(check, planned, config) {
    const op = check.operation;
    const exchange = await sendThroughClient(op, planned, config.target);
    const unjudged = nothingToJudge(op, exchange, config);
    if (unjudged) return unjudged;
    const response = exchange.response!;
    const s = response.status;
    const findings = judge(op, exchange);
    const hasId = op.parameters.some((p) => p.in === 'path');
    if (s >= 400 && !(s === 404 && hasId)) {
      const rule = s >= 500 ? 'not_a_server_error' : 'positive_data_acceptance';
      const expected = `a 2xx for a request the spec allows${hasId ? ' (or 404 for an id that does not exist)' : ''}`;
      return {
        exchange,
        findings: [statusFinding(op, response, 'response', rule, expected), ...findings.filter((f) => f.rule !== 'status')],
      };
    }
    return { exchange, findings };
  },
};
