/**
 * Fungies list semantics no generic tool knows: a page never holds more items than `take`/`limit`
 * asked for, and `count`, `pages` and `hasMore` agree with the items of the first page.
 */
import type { OperationMeta, ParameterMeta } from '../../src/operation-meta.js';
import { validateAgainst } from '../../src/validation/validators.js';
import type { PlannedRequest } from './request-builder.js';
import type { Finding } from './types.js';

/** The page-size parameter of a list operation. */
export function sizeParameter(op: OperationMeta): ParameterMeta | undefined {
  return op.parameters.find((p) => p.in === 'query' && (p.name === 'take' || p.name === 'limit'));
}

/** The list request with a small page size (2, or the smallest the schema allows) and no offset. */
export function paginationRequest(op: OperationMeta, planned: PlannedRequest): { request: PlannedRequest; size: number } {
  const param = sizeParameter(op)!;
  const size = [2, 3, 5, 10].find((n) => validateAgainst(param.schema, n).length === 0) ?? 2;
  const query: Record<string, unknown> = { ...planned.query, [param.name]: size };
  for (const name of ['skip', 'page', 'cursor']) delete query[name];
  return { request: { ...planned, query }, size };
}

export function paginationFindings(op: OperationMeta, text: string, size: number): Finding[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  const data = (body as { data?: Record<string, unknown> } | null)?.data;
  const key = data && typeof data === 'object' ? Object.keys(data).find((k) => Array.isArray(data[k])) : undefined;
  if (!data || !key) return [];
  const items = (data[key] as unknown[]).length;
  const out: Finding[] = [];
  const f = (rule: string, pointer: string, expected: string, actual: string): Finding => ({ kind: 'response', operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, status: 200, pointer, rule, expected, actual });
  const param = sizeParameter(op)!.name;
  if (items > size) out.push(f('pagination_limit', `/data/${key}`, `at most ${size} items (${param}=${size})`, `${items} items`));
  const count = typeof data['count'] === 'number' ? data['count'] : undefined;
  if (count !== undefined) {
    if (items > count) out.push(f('pagination_consistency', '/data/count', `a count of at least the ${items} items returned`, String(count)));
    else if (items < Math.min(size, count)) out.push(f('pagination_consistency', `/data/${key}`, `${Math.min(size, count)} items on the first page (count ${count}, ${param}=${size})`, `${items} items`));
    if (typeof data['hasMore'] === 'boolean' && data['hasMore'] !== count > items) out.push(f('pagination_consistency', '/data/hasMore', `${count > items} (count ${count}, ${items} items on the first page)`, String(data['hasMore'])));
    if (typeof data['pages'] === 'number' && data['pages'] !== Math.ceil(count / size)) out.push(f('pagination_consistency', '/data/pages', `${Math.ceil(count / size)} (count ${count} / ${param} ${size})`, String(data['pages'])));
  }
  return out;
}
