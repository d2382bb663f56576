/** parseSpecText: the fast reader and the locating reader agree, and the guarded cases take the locating one. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSpecText, SpecInvalidError } from '../../contract-tests/spec/spec-file.js';

describe('parseSpecText', () => {
  // Two full reads of the 300 KB spec: seconds on a busy machine, past vitest's default 5 s.
  it('reads the committed spec exactly as the yaml package does', { timeout: 60_000 }, async () => {
    const text = await readFile('openapi/api-docs.yaml', 'utf8');
    expect(parseSpecText(text, 'api-docs.yaml').doc).toEqual(parse(text));
  });

  it('locates a pointer to its line and column', () => {
    const spec = parseSpecText('openapi: 3.1.0\npaths:\n  /a:\n    get:\n      operationId: A\n', 'x.yaml');
    expect(spec.locate('/paths/~1a/get/operationId')).toEqual({ line: 5, column: 20 });
  });

  it('keeps YAML 1.2 core scalars: dates and yes/no stay strings', () => {
    expect(parseSpecText('a: 2024-01-01\nb: yes\nc: 0x1F\nd: ~\n', 'x.yaml').doc).toEqual({ a: '2024-01-01', b: 'yes', c: 31, d: null });
  });

  it('rejects a duplicated key with its line', () => {
    const error = (() => {
      try {
        parseSpecText('a: 1\nb: 2\na: 3\n', 'x.yaml');
      } catch (e) {
        return e;
      }
    })() as SpecInvalidError;
    expect(error).toBeInstanceOf(SpecInvalidError);
    expect(error.problems[0]).toMatchObject({ line: 3 });
  });

  it('bounds alias expansion (a billion-laughs document is refused, not expanded)', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(() => parseSpecText(`${lines.join('\n')}\n`, 'bomb.yaml')).toThrow();
  });
});
