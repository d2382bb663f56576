/** Reads an OpenAPI document from YAML or JSON text and maps JSON pointers back to source lines. */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { pointerSegments } from '../../src/json-pointer.js';

export const DEFAULT_SPEC_PATH = 'openapi/api-docs.yaml';

/** One thing wrong with a spec, located as precisely as the parser allows. */
export interface SpecProblem {
  /** JSON pointer into the document ('' for the whole document). */
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

export interface SpecFile {
  file: string;
  text: string;
  doc: Record<string, unknown>;
  /** 1-based line and column of the value at `pointer`, when the source has one. */
  locate(pointer: string): { line: number; column: number } | undefined;
}

/** A spec that cannot be used; carries every problem found so one run shows them all. */
export class SpecInvalidError extends Error {
  override name = 'SpecInvalidError';
  constructor(
    readonly file: string,
    readonly problems: SpecProblem[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

// Written once in src/json-pointer.ts; re-exported so the pipeline's many importers stay as they are.
export { segmentsToPointer } from '../../src/json-pointer.js';

export async function readSpecFile(file: string): Promise<SpecFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SpecInvalidError(file, [{ pointer: '', message: code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})` }]);
  }
  return parseSpecText(text, file);
}

/** Parses YAML (a superset of JSON); a syntax error becomes a SpecInvalidError with its line. */
export function parseSpecText(text: string, file: string): SpecFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new SpecInvalidError(
      file,
      document.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { pointer: '', message: `YAML syntax: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`, line: pos?.line, column: pos?.col };
      }),
    );
  }
  const doc = document.toJS({ maxAliasCount: 1000 }) as unknown;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new SpecInvalidError(file, [{ pointer: '', message: 'the document is not a YAML/JSON object (is this an OpenAPI file?)', line: 1 }]);
  }
  return {
    file,
    text,
    doc: doc as Record<string, unknown>,
    locate(pointer) {
      const segments = pointerSegments(pointer);
      const node = segments && document.getIn(segments, true);
      if (!isNode(node) || !node.range) return undefined;
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    },
  };
}

/** One screen per broken spec: file, then `line:col  pointer  message` per problem. */
export function formatProblems(file: string, problems: readonly SpecProblem[], limit = 20): string {
  const lines = problems.slice(0, limit).map((p) => {
    const where = p.line ? `${file}:${p.line}${p.column ? `:${p.column}` : ''}` : file;
    return `  ${where}${p.pointer ? `  at #${p.pointer}` : ''}\n    ${p.message}`;
  });
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return `✘ ${file} is not a valid OpenAPI 3.1 spec (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}
