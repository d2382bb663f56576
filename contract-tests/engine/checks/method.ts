/** One method per path that the spec does not list: it must not be answered 2xx. */
import type { CheckModule } from '../check-module.js';
import { noResponse, statusFinding } from '../check-support.js';
import { isSuccess, sendRaw } from '../exchange.js';

/** Tried in order: PUT first, as this API never uses it. */
const OTHER_METHODS = ['PUT', 'DELETE', 'GET', 'POST', 'PATCH'];

export const methodCheck: CheckModule = {
  name: 'method',
  family: 'conformance',
  label: 'unsupported methods',
  title: (check) => `Unsupported method: ${check.name} ${check.path} is not answered 2xx`,
  planOperation({ operation, operations, index }) {
    // One check per path, planned with the path's first operation.
    if (operations.findIndex((op) => op.path === operation.path) !== index) return [];
    const listed = new Set(operations.filter((op) => op.path === operation.path).map((op) => op.method.toUpperCase()));
    const method = OTHER_METHODS.find((m) => !listed.has(m));
    return method ? [{ id: `${method} ${operation.path} is not allowed`, kind: 'method', operation, name: method }] : [];
  },
  method: (check) => check.name!,
  async run(check, planned, config) {
    const op = check.operation;
    const method = check.name!;
    const exchange = await sendRaw(op, { ...planned, method, body: undefined }, config.target);
    const response = exchange.response;
    if (!response) return { exchange, findings: noResponse(op, exchange) };
    const expected = `405 (or another non-2xx): the spec lists no ${method} for ${op.path}`;
    if (isSuccess(response.status))
      return { exchange, findings: [statusFinding(op, response, 'negative', 'unsupported_method', expected, method)] };
    if (response.status >= 500)
      return { exchange, findings: [statusFinding(op, response, 'response', 'not_a_server_error', expected, method)] };
    return { exchange };
  },
};
