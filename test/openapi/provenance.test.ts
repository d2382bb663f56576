// openapi/PROVENANCE.md has one row per operation of the spec, with its method, path, sources and confidence.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specOperations } from '../../contract-tests/spec/openapi-walk.js';

const spec = parse(readFileSync('openapi/api-docs.yaml', 'utf8')) as Record<string, unknown>;
const rows = readFileSync('openapi/PROVENANCE.md', 'utf8')
  .split('\n')
  .filter((line) => /^\| [A-Z][A-Za-z0-9]+ \|/.test(line) && !line.startsWith('| operationId'))
  .map((line) => line.slice(2, -2).split(' | '));

describe('openapi/PROVENANCE.md', () => {
  const operations = specOperations(spec).map((op) => ({
    id: String(op.operation['operationId']),
    method: op.method.toUpperCase(),
    path: op.path,
  }));

  it('has exactly one row per operation of the spec, and no other', () => {
    const ids = rows.map((r) => r[0]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(operations.map((op) => op.id).filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.filter((id) => !operations.some((op) => op.id === id))).toEqual([]);
  });

  it('gives each row the method and path the spec has, its sources and a confidence', () => {
    for (const row of rows) {
      expect(row, row[0]).toHaveLength(7);
      const op = operations.find((o) => o.id === row[0]);
      expect([row[1], row[2]], row[0]).toEqual([op?.method, op?.path]);
      expect(row[3], row[0]).toMatch(/https:\/\/(docs|help)\.fungies\.io\//);
      expect(['official', 'high', 'medium', 'low'], row[0]).toContain(row[6]);
    }
  });
});
