/** Reads an OpenAPI document from YAML or JSON text and maps JSON pointers back to source lines. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import { pointerSegments } from '../../src/json-pointer.js';

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

export async function readSpecFile(file: string): Promise<SpecFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SpecInvalidError(file, [
      { pointer: '', message: code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})` },
    ]);
  }
  return parseSpecText(text, file);
}

/**
 * Parses YAML (a superset of JSON); a syntax error becomes a SpecInvalidError with its line.
 * js-yaml reads a well-formed spec several times faster than `yaml`, which keeps a full syntax tree;
 * that tree is built only when a problem must be located, or when js-yaml cannot be trusted with
 * the text (a syntax error, or anchors and aliases, whose expansion only `yaml` bounds).
 */
export function parseSpecText(text: string, file: string): SpecFile {
  const fast = quickParse(text);
  if (fast === undefined) return parseWithLocations(text, file);
  let located: { document: Document; lineCounter: LineCounter } | undefined;
  return {
    file,
    text,
    doc: fast,
    locate(pointer) {
      if (!located) {
        const lineCounter = new (yaml().LineCounter)();
        located = { document: yaml().parseDocument(text, { lineCounter, uniqueKeys: true }), lineCounter };
      }
      return locateIn(located.document, located.lineCounter, pointer);
    },
  };
}

// Loaded on first use: a well-formed spec with no problem to locate never needs it.
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** The document as js-yaml reads it (YAML 1.2 core scalars, duplicate keys rejected), or undefined when the slow path must decide. */
function quickParse(text: string): Record<string, unknown> | undefined {
  let doc: unknown;
  try {
    doc = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || hasSharedNodes(doc)) return undefined;
  return doc as Record<string, unknown>;
}

/** True when one object is reachable twice: js-yaml shares the node an alias names. Stops at the first repeat. */
function hasSharedNodes(root: object): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  return false;
}

function parseWithLocations(text: string, file: string): SpecFile {
  const lineCounter = new (yaml().LineCounter)();
  const document = parseYamlDocument(text, file, lineCounter);
  const doc = toPlainValue(document, file);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new SpecInvalidError(file, [
      { pointer: '', message: 'the document is not a YAML/JSON object (is this an OpenAPI file?)', line: 1 },
    ]);
  }
  return { file, text, doc: doc as Record<string, unknown>, locate: (pointer) => locateIn(document, lineCounter, pointer) };
}

function locateIn(document: Document, lineCounter: LineCounter, pointer: string): { line: number; column: number } | undefined {
  const segments = pointerSegments(pointer);
  const node = segments && document.getIn(segments, true);
  if (!yaml().isNode(node) || !node.range) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

/** Any YAML/JSON value (a file a spec references), with the same syntax checks and alias cap as a spec. */
export function parseYamlValue(text: string, file: string): unknown {
  return toPlainValue(parseYamlDocument(text, file, new (yaml().LineCounter)()), file);
}

/**
 * Each use of an alias counts the aliases inside what it names: past this many, the document is a
 * "billion laughs" bomb (a few hundred bytes expanding to gigabytes), not a spec.
 */
export const MAX_YAML_ALIAS_COUNT = 1000;

function parseYamlDocument(text: string, file: string, lineCounter: LineCounter): Document {
  const document = yaml().parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new SpecInvalidError(
      file,
      document.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          pointer: '',
          message: `YAML syntax: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
          line: pos?.line,
          column: pos?.col,
        };
      }),
    );
  }
  return document;
}

function toPlainValue(document: Document, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (err) {
    // The yaml package signals an alias explosion with a ReferenceError; anything else is a bug.
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      throw new SpecInvalidError(file, [
        { pointer: '', message: `YAML aliases expand past ${MAX_YAML_ALIAS_COUNT} uses (an alias bomb): refused` },
      ]);
    }
    throw err;
  }
}

/** One screen per broken spec: file, then `line:col  pointer  message` per problem. */
export function formatProblems(file: string, problems: readonly SpecProblem[], limit = 20): string {
  return `✘ ${file} is not a valid OpenAPI 3.1 spec (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problemLines(file, problems, limit)}`;
}

/** `  file:line:col  at #pointer` and the message indented below, per problem; at most `limit`, then how many more. */
export function problemLines(file: string, problems: readonly SpecProblem[], limit: number): string {
  const lines = problems.slice(0, limit).map((p) => {
    const where = p.line ? `${file}:${p.line}${p.column ? `:${p.column}` : ''}` : file;
    return `  ${where}${p.pointer ? `  at #${printable(p.pointer)}` : ''}\n    ${printable(p.message)}`;
  });
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join('\n');
}

/** Control characters and line terminators as escapes: a key from the spec cannot add lines to the report or move the cursor. */
export const printable = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
