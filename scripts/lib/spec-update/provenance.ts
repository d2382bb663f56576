/**
 * Keeps openapi/PROVENANCE.md true after an update from the vendor's own file: the operations that
 * file holds become `official`. Works on whatever rows exist; only the confidence cell is rewritten.
 */
import type { OperationKey } from './changes.js';

export const PROVENANCE_PATH = 'openapi/PROVENANCE.md';

export interface ProvenanceUpdate {
  text: string;
  /** operationIds whose row now says official (it did not before). */
  marked: string[];
  /** Operations of the official file that had no row: a row was appended for each. */
  added: string[];
}

/** A table row: `| operationId | METHOD | /path | sources | shown | inferred | confidence |`. */
const METHOD = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)$/;
const CONFIDENCE_CELL = 6;

const normalizePath = (path: string) => path.replace(/\{[^{}]*\}/g, '{}');

/** Cells of a markdown table row, splitting on `|` but not on an escaped `\|`. */
export function rowCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|')) return undefined;
  const cells = trimmed.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
  if (cells.length <= CONFIDENCE_CELL || !METHOD.test(cells[1] ?? '') || !(cells[2] ?? '').startsWith('/')) return undefined;
  return cells;
}

export function markOfficial(text: string, official: readonly OperationKey[], source: string): ProvenanceUpdate {
  const byRoute = new Map(official.map((op) => [`${op.method} ${normalizePath(op.path)}`, op]));
  const byId = new Map(official.map((op) => [op.operationId, op]));
  const seen = new Set<OperationKey>();
  const marked: string[] = [];
  const lines = text.split('\n');
  let lastRow = -1;
  lines.forEach((line, i) => {
    const cells = rowCells(line);
    if (!cells) return;
    lastRow = i;
    const op = byRoute.get(`${cells[1]} ${normalizePath(cells[2] ?? '')}`) ?? byId.get(cells[0] ?? '');
    if (!op) return;
    seen.add(op);
    if (cells[CONFIDENCE_CELL] === 'official') return;
    cells[CONFIDENCE_CELL] = 'official';
    marked.push(op.operationId);
    lines[i] = `| ${cells.join(' | ')} |`;
  });
  const missing = official.filter((op) => !seen.has(op));
  const rows = missing.map((op) => `| ${op.operationId} | ${op.method} | ${op.path} | ${source.replace(/\|/g, '\\|')} | Everything: the vendor's own file | Nothing | official |`);
  if (rows.length > 0) {
    // Without a table yet, start one with the header the file documents.
    if (lastRow < 0) lines.push('', '| operationId | method | path | source page(s) | shown on the pages | inferred / filled | confidence |', '|---|---|---|---|---|---|---|', ...rows);
    else lines.splice(lastRow + 1, 0, ...rows);
  }
  return { text: lines.join('\n'), marked, added: missing.map((op) => op.operationId) };
}
