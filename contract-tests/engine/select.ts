/** `--operation` and `--exclude <operationId|tag|glob>[,…]`: which operations a run covers. */
import type { OperationMeta } from '../../src/operation-meta.js';

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** True when `op` matches one selector: its operationId, one of its tags, or a glob over the operationId or path. */
export function matchesSelector(op: OperationMeta, selector: string): boolean {
  const s = selector.trim();
  if (s === op.operationId || op.tags.some((t) => t.toLowerCase() === s.toLowerCase())) return true;
  if (!/[*?]/.test(s)) return false;
  const re = globToRegExp(s);
  return re.test(op.operationId) || re.test(op.path) || op.tags.some((t) => re.test(t));
}

const selectorsOf = (filter: string | undefined) =>
  (filter ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The operations a comma-separated filter selects (all of them when the filter is empty), less
 * those the `exclude` filter names, in spec order.
 */
export function selectOperations(all: readonly OperationMeta[], filter: string | undefined, exclude?: string): OperationMeta[] {
  const selectors = selectorsOf(filter);
  const excluded = selectorsOf(exclude);
  return all.filter(
    (op) => (selectors.length === 0 || selectors.some((s) => matchesSelector(op, s))) && !excluded.some((s) => matchesSelector(op, s)),
  );
}

/** The selectors of a filter that match no operation at all: a typo that would shrink coverage unnoticed. */
export function unmatchedSelectors(all: readonly OperationMeta[], filter: string | undefined): string[] {
  return selectorsOf(filter).filter((s) => !all.some((op) => matchesSelector(op, s)));
}
