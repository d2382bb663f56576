/**
 * Keeps openapi/PROVENANCE.md true after an update from the vendor's own file: the operations that
 * file holds become `official`, rows of operations it no longer holds go (the report lists them),
 * and operations without a row get one. Works on whatever rows exist; prose around the table is kept.
 */
import type { OperationKey } from './changes.js';

export const PROVENANCE_PATH = 'openapi/PROVENANCE.md';

export interface ProvenanceUpdate {
  text: string;
  /** operationIds whose row now says official (it did not before). */
  marked: string[];
  /** Operations of the official file that had no row: a row was appended for each. */
  added: string[];
  /** Rows removed because the official file does not hold their operation (`operationId METHOD path`). */
  dropped: string[];
}

/** A table row: `| operationId | METHOD | /path | sources | shown | inferred | confidence |`. */
const METHOD = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)$/;
const CONFIDENCE_CELL = 6;
const TABLE_HEADER = [
  '| operationId | method | path | source page(s) | shown on the pages | inferred / filled | confidence |',
  '|---|---|---|---|---|---|---|',
];

const normalizePath = (path: string) => path.replace(/\{[^{}]*\}/g, '{}');
const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** Cells of an operation row, splitting on `|` but not on an escaped `\|`; undefined for any other line. */
export function rowCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|')) return undefined;
  const cells = trimmed
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
  if (cells.length <= CONFIDENCE_CELL || !METHOD.test(cells[1] ?? '') || !(cells[2] ?? '').startsWith('/')) return undefined;
  return cells;
}

/**
 * @param source where the official file is published (a URL), written into new and re-marked rows
 * @param version the official file's info.version
 */
export function markOfficial(text: string, official: readonly OperationKey[], source: string, version: string): ProvenanceUpdate {
  const byRoute = new Map(official.map((op) => [`${op.method} ${normalizePath(op.path)}`, op]));
  const byId = new Map(official.map((op) => [op.operationId, op]));
  const officialRow = (op: OperationKey) =>
    `| ${op.operationId} | ${op.method} | ${op.path} | ${escapeCell(source)} (the vendor's api-docs.yaml, spec ${escapeCell(version)}) | Everything: the operation and its schemas are the vendor's text | Nothing | official |`;
  const seen = new Set<OperationKey>();
  const result: ProvenanceUpdate = { text, marked: [], added: [], dropped: [] };
  const out: string[] = [];
  let afterLastRow = -1;
  for (const line of text.split('\n')) {
    const cells = rowCells(line);
    if (!cells) {
      out.push(line);
      continue;
    }
    const op = byRoute.get(`${cells[1]} ${normalizePath(cells[2] ?? '')}`) ?? byId.get(cells[0] ?? '');
    if (!op || seen.has(op)) {
      result.dropped.push(`${cells[0]} ${cells[1]} ${cells[2]}`);
    } else {
      seen.add(op);
      const unchanged = cells[CONFIDENCE_CELL] === 'official' && cells[0] === op.operationId && cells[2] === op.path;
      if (!unchanged) result.marked.push(op.operationId);
      out.push(unchanged ? line : officialRow(op));
    }
    afterLastRow = out.length;
  }
  const missing = official.filter((op) => !seen.has(op));
  if (missing.length > 0) {
    const rows = missing.map(officialRow);
    if (afterLastRow < 0) out.push('', ...TABLE_HEADER, ...rows);
    else out.splice(afterLastRow, 0, ...rows);
  }
  result.added = missing.map((op) => op.operationId);
  result.text = out.join('\n');
  return result;
}
