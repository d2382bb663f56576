/** A list honours take/limit and its count/pages/hasMore agree with pages 1 and 2. */
import type { CheckModule } from '../check-module.js';
import { judge, noResponse } from '../check-support.js';
import { type Exchange, isSuccess, sendThroughClient } from '../exchange.js';
import { nextPageRequest, paginationFindings, paginationRequest, secondPageFindings, sizeParameter } from '../pagination.js';

export const paginationCheck: CheckModule = {
  name: 'pagination',
  family: 'behaviour',
  label: 'paging',
  title: () => 'Paging: take/limit honoured, count/pages/hasMore consistent',
  planOperation: ({ operation }) =>
    sizeParameter(operation) ? [{ id: `${operation.operationId} pages`, kind: 'pagination', operation, name: 'take/limit honoured' }] : [],
  skip: (_check, config) => (config.kind === 'prism' ? 'a Prism mock generates lists without paging them' : undefined),
  async run(check, planned, config) {
    const op = check.operation;
    const { request, size } = paginationRequest(op, planned);
    const exchange = await sendThroughClient(op, request, config.target);
    if (!exchange.response) return { exchange, findings: noResponse(op, exchange) };
    const findings = judge(op, exchange);
    const ok = (e: Exchange) => e.response !== undefined && isSuccess(e.response.status);
    if (!ok(exchange)) return { exchange, findings };
    findings.push(...paginationFindings(op, exchange.response.text, size));
    const next = nextPageRequest(op, request, size, exchange.response.text);
    if (!next || findings.length > 0) return { exchange, findings };
    const second = await sendThroughClient(op, next, config.target);
    if (!second.response) return { exchange: second, findings: noResponse(op, second) };
    findings.push(...judge(op, second));
    if (ok(second)) findings.push(...secondPageFindings(op, exchange.response.text, second.response.text, size));
    return { exchange: findings.length > 0 ? second : exchange, findings };
  },
};
