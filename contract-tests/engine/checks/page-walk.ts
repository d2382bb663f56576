/**
 * A list walked page by page to its end, at most `maxPages` pages (`--max-pages`): no item comes
 * twice, `count` and `pages` say the same on every page, the last page says it is the last
 * (`hasMore: false`, page number = `pages`) and the pages add up to `count`. The pagination check
 * judges pages 1 and 2; the lies this one is for start later.
 */
import type { OperationMeta } from '../../../src/operation-meta.js';
import type { CheckModule, Outcome, PlannedCheck } from '../check-module.js';
import { judge, noResponse, statusFinding } from '../check-support.js';
import type { EngineConfig } from '../config.js';
import { type Exchange, isSuccess, sendThroughClient } from '../exchange.js';
import { finding, findingContext } from '../finding.js';
import { listIn, paginationRequest, sizeParameter } from '../pagination.js';
import type { PlannedRequest } from '../request-builder.js';
import { parseJson } from '../strict-json.js';
import type { Finding } from '../types.js';

/** Pages walked when `--max-pages` is not given: enough to reach the end of a small account's lists, few enough for a rate limit. */
export const DEFAULT_MAX_PAGES = 20;

/** How a list names the page it wants: an offset, a page number or the cursor the previous page returned. */
type Position = 'skip' | 'page' | 'cursor';

function positionOf(op: OperationMeta): Position | undefined {
  const names = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  return (['skip', 'page', 'cursor'] as const).find((n) => names.has(n));
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const idOf = (item: unknown) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined);

export const pageWalkCheck: CheckModule = {
  name: 'page-walk',
  family: 'behaviour',
  label: 'paging walked to the end',
  title: () => 'Paging walked to the end: no repeats, count/pages the same on every page, the last page says so, pages add up to count',
  planOperation: ({ operation }) =>
    sizeParameter(operation) && positionOf(operation)
      ? [{ id: `${operation.operationId} page walk`, kind: 'page-walk', operation, name: 'walked to the end' }]
      : [],
  skip: (_check, config) => (config.kind === 'prism' ? 'a Prism mock generates lists without paging them' : undefined),
  quiet: true,
  async run(check, planned, config) {
    // A live account keeps changing under a walk (a new order moves every page): a finding counts
    // only when a second walk finds it again.
    const first = await walk(check, planned, config);
    return first.findings?.length ? walk(check, planned, config) : first;
  },
};

async function walk(check: PlannedCheck, planned: PlannedRequest, config: EngineConfig): Promise<Outcome> {
  const op = check.operation;
  const position = positionOf(op)!;
  // Unfiltered, so the walk covers the whole list: only the query parameters the list requires stay.
  const required = new Set(op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name));
  const query: Record<string, unknown> = Object.fromEntries(Object.entries(planned.query).filter(([name]) => required.has(name)));
  // A list that returns its count only when asked (orders: `returnCount`) is asked, so its pages can be added up.
  if (op.parameters.some((p) => p.in === 'query' && p.name === 'returnCount')) query['returnCount'] = true;
  const { request: first, size } = paginationRequest(op, { ...planned, query });
  const max = config.maxPages ?? DEFAULT_MAX_PAGES;
  const onPage = new Map<string, number>();
  let firstData: Record<string, unknown> = {};
  let total = 0;
  let request: PlannedRequest | undefined = first;
  let exchange: Exchange = {};
  for (let n = 1; request; n++) {
    if (n > max)
      return {
        exchange,
        reason: `walked ${max} page${max === 1 ? '' : 's'} of ${size} items without reaching the end (--max-pages ${max}): the end is unchecked`,
      };
    exchange = await sendThroughClient(op, request, config.target);
    const response = exchange.response;
    if (!response) return { exchange, findings: noResponse(op, exchange) };
    if (!isSuccess(response.status)) {
      if (n === 1) return { exchange, outcome: 'skipped', reason: `the list answered ${response.status}` };
      const broke = judge(op, exchange);
      return {
        exchange,
        findings: broke.length > 0 ? broke : [statusFinding(op, response, 'response', 'page_walk_total', `a 2xx for page ${n}`)],
      };
    }
    const list = listIn(parseJson(response.text).value);
    if (!list) {
      const broke = judge(op, exchange);
      return broke.length > 0 ? { exchange, findings: broke } : { exchange, outcome: 'skipped', reason: `page ${n} holds no list to walk` };
    }
    const { data, key, items } = list;
    if (n === 1) firstData = data;
    const at = findingContext(op, response.status);
    const found = (rule: string, pointer: string, expected: string, actual: string): { exchange: Exchange; findings: Finding[] } => ({
      exchange,
      findings: [finding(at, { kind: 'response', pointer, rule, expected, actual, note: `on page ${n} of a walk by ${size}` })],
    });
    for (const [i, item] of items.entries()) {
      const id = idOf(item);
      if (id === undefined) continue;
      const seenOn = onPage.get(JSON.stringify(id));
      if (seenOn !== undefined)
        return found(
          'page_walk_repeat',
          `/data/${key}/${i}/id`,
          'an item no earlier page held',
          `${JSON.stringify(id)}, already on page ${seenOn}`,
        );
      onPage.set(JSON.stringify(id), n);
    }
    for (const field of ['count', 'pages']) {
      const want = num(firstData[field]);
      if (want !== undefined && data[field] !== want)
        return found('page_walk_count', `/data/${field}`, `${want}, as on page 1`, JSON.stringify(data[field] ?? null));
    }
    total += items.length;
    const count = num(firstData['count']);
    const pages = num(firstData['pages']);
    // The end as the data shows it: count reached, or (without a count) a page shorter than asked for.
    const end = count !== undefined ? total >= count : items.length < size;
    if (end && data['hasMore'] === true)
      return found(
        'page_walk_last',
        '/data/hasMore',
        `false on the last page (${total} items seen${count !== undefined ? `, count ${count}` : ''})`,
        'true',
      );
    if (end && pages !== undefined && pages !== n && !(count === 0 && pages === 0))
      return found(
        'page_walk_last',
        '/data/pages',
        `${n}, the number of this last page (${total} items seen, count ${count})`,
        String(pages),
      );
    const saysLast = data['hasMore'] === false || (pages !== undefined && n >= pages);
    if (end || saysLast || items.length === 0) {
      if (count !== undefined && total !== count)
        return found('page_walk_total', `/data/${key}`, `${count} items over the pages (count)`, `${total} items over ${n} pages`);
      return { exchange };
    }
    request = nextPage(position, first, n, size, data);
  }
  // No way to ask for the next page (no cursor returned) before the count was reached.
  const count = num(firstData['count']);
  if (count !== undefined && total !== count)
    return {
      exchange,
      findings: [
        finding(findingContext(op, exchange.response?.status), {
          kind: 'response',
          pointer: '/data/cursor',
          rule: 'page_walk_total',
          expected: `a cursor to the next page (${total} of count ${count} items seen)`,
          actual: 'none',
        }),
      ],
    };
  return { exchange };
}

/** The request for page n + 1. */
function nextPage(
  position: Position,
  first: PlannedRequest,
  n: number,
  size: number,
  data: Record<string, unknown>,
): PlannedRequest | undefined {
  if (position === 'skip') return { ...first, query: { ...first.query, skip: n * size } };
  if (position === 'page') return { ...first, query: { ...first.query, page: n + 1 } };
  return typeof data['cursor'] === 'string' ? { ...first, query: { ...first.query, cursor: data['cursor'] } } : undefined;
}
