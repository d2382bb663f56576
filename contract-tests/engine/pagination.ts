/**
 * Fungies list semantics no generic tool knows: a page never holds more items than `take`/`limit`
 * asked for, and `count`, `pages` and `hasMore` agree with the items of the first page.
 */

import type { OperationMeta, ParameterMeta } from '../../src/operation-meta.js';
import { PAGE_POSITION_PARAMS, PAGE_SIZE_PARAMS } from '../../src/paginate.js';
import { validateAgainst } from '../validation/validators.js';
import { finding, findingContext } from './finding.js';
import type { PlannedRequest } from './request-builder.js';
import { parseJson } from './strict-json.js';
import type { Finding } from './types.js';

/** The page-size parameter of a list operation. */
export function sizeParameter(op: OperationMeta): ParameterMeta | undefined {
  return op.parameters.find((p) => p.in === 'query' && (PAGE_SIZE_PARAMS as readonly string[]).includes(p.name));
}

/** The list request with a small page size (2, or the smallest the schema allows) and no offset. */
export function paginationRequest(op: OperationMeta, planned: PlannedRequest): { request: PlannedRequest; size: number } {
  const param = sizeParameter(op)!;
  const size = [2, 3, 5, 10].find((n) => validateAgainst(param.schema, n).length === 0) ?? 2;
  const query: Record<string, unknown> = { ...planned.query, [param.name]: size };
  for (const name of PAGE_POSITION_PARAMS) delete query[name];
  return { request: { ...planned, query }, size };
}

export function paginationFindings(op: OperationMeta, text: string, size: number): Finding[] {
  const list = listOf(text);
  if (!list) return [];
  const { data, key } = list;
  const items = list.items.length;
  const out: Finding[] = [];
  const at = findingContext(op, 200);
  const f = (rule: string, pointer: string, expected: string, actual: string) =>
    finding(at, { kind: 'response', pointer, rule, expected, actual });
  const param = sizeParameter(op)!.name;
  if (items > size) out.push(f('pagination_limit', `/data/${key}`, `at most ${size} items (${param}=${size})`, `${items} items`));
  const count = typeof data['count'] === 'number' ? data['count'] : undefined;
  if (count !== undefined) {
    if (items > count)
      out.push(f('pagination_consistency', '/data/count', `a count of at least the ${items} items returned`, String(count)));
    else if (items < Math.min(size, count))
      out.push(
        f(
          'pagination_consistency',
          `/data/${key}`,
          `${Math.min(size, count)} items on the first page (count ${count}, ${param}=${size})`,
          `${items} items`,
        ),
      );
    if (typeof data['hasMore'] === 'boolean' && data['hasMore'] !== count > items)
      out.push(
        f(
          'pagination_consistency',
          '/data/hasMore',
          `${count > items} (count ${count}, ${items} items on the first page)`,
          String(data['hasMore']),
        ),
      );
    if (typeof data['pages'] === 'number' && data['pages'] !== Math.ceil(count / size))
      out.push(
        f('pagination_consistency', '/data/pages', `${Math.ceil(count / size)} (count ${count} / ${param} ${size})`, String(data['pages'])),
      );
  }
  return out;
}

/** The items array of a list body (`{ data: { <items>: [...], count, … } }`), its `data` and key; undefined for any other body. */
export function listIn(body: unknown): { data: Record<string, unknown>; key: string; items: unknown[] } | undefined {
  const data = (body as { data?: Record<string, unknown> } | null | undefined)?.data;
  const key = data && typeof data === 'object' ? Object.keys(data).find((k) => Array.isArray(data[k])) : undefined;
  return data && key ? { data, key, items: data[key] as unknown[] } : undefined;
}

const listOf = (text: string) => listIn(parseJson(text).value);

/** The request for page 2 (`skip`, `page` or the returned `cursor`), or undefined when page 1 was the last. */
export function nextPageRequest(op: OperationMeta, first: PlannedRequest, size: number, firstText: string): PlannedRequest | undefined {
  const list = listOf(firstText);
  if (!list || list.data['hasMore'] === false) return undefined;
  const has = (name: string) => op.parameters.some((p) => p.in === 'query' && p.name === name);
  if (has('skip')) return { ...first, query: { ...first.query, skip: size } };
  if (has('page')) return { ...first, query: { ...first.query, page: 2 } };
  if (has('cursor') && typeof list.data['cursor'] === 'string') return { ...first, query: { ...first.query, cursor: list.data['cursor'] } };
  return undefined;
}

/** Page 2 holds no item of page 1 and as many items as count leaves for it. */
export function secondPageFindings(op: OperationMeta, firstText: string, secondText: string, size: number): Finding[] {
  const first = listOf(firstText);
  const second = listOf(secondText);
  if (!first || !second) return [];
  const at = findingContext(op, 200);
  const pointer = `/data/${second.key}`;
  const f = (rule: string, expected: string, actual: string) =>
    finding(at, { kind: 'response', pointer, rule, expected, actual, note: 'on page 2' });
  const out: Finding[] = [];
  if (second.items.length > size) out.push(f('pagination_limit', `at most ${size} items`, `${second.items.length} items`));
  const idOf = (item: unknown) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined);
  const seen = new Set(first.items.map(idOf).filter((id) => id !== undefined));
  const repeated = second.items.map(idOf).filter((id) => id !== undefined && seen.has(id));
  if (repeated.length > 0)
    out.push(f('pagination_pages', 'no item of page 1 again on page 2', `${repeated.length} repeated (id ${JSON.stringify(repeated[0])})`));
  const count = typeof first.data['count'] === 'number' ? first.data['count'] : undefined;
  if (count !== undefined) {
    const want = Math.min(size, Math.max(0, count - first.items.length));
    if (second.items.length !== want)
      out.push(f('pagination_pages', `${want} items (count ${count}, ${first.items.length} on page 1)`, `${second.items.length} items`));
  }
  return out;
}
