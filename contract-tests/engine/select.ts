/** `--operation <operationId|tag|glob>[,…]`: which operations a run covers. */
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

/** The operations a comma-separated filter selects (all of them when the filter is empty), in spec order. */
export function selectOperations(all: readonly OperationMeta[], filter: string | undefined): OperationMeta[] {
  const selectors = (filter ?? '').split(',').filter((s) => s.trim() !== '');
  if (selectors.length === 0) return [...all];
  return all.filter((op) => selectors.some((s) => matchesSelector(op, s)));
}
