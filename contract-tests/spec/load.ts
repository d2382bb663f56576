/**
 * `--spec <file|url>`: a spec other than the bundled one, read as untrusted input. It is read within
 * a size cap and a deadline (a URL: https, or http to a loopback host; no redirects followed), then
 * held to the spec pipeline's rules (spec-rules.ts) before any request is sent. The first broken rule
 * is one line naming its JSON pointer; nothing of the spec is used until every rule holds.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OperationMeta } from '../../src/operation-meta.js';
import { isPlainObject } from '../../src/plain-object.js';
import { usageError } from '../commands/errors.js';
import { createBudget, downloadCapped, ReadRefused, readCappedFile } from './download.js';
import { type SpecDocument, type SpecModel, sha256 } from './model.js';
import { operationMetas } from './operation-metas.js';
import { parseSpecText, printable, SpecInvalidError, type SpecProblem } from './spec-file.js';
import { checkSpecRules } from './spec-rules.js';

export interface LoadSpecOptions {
  /** Relative paths resolve from here. */
  cwd: string;
  /** The deadline of the whole read, in milliseconds. */
  timeoutMs: number;
  /** The size cap, in bytes. */
  maxBytes: number;
  /** The flag that set the deadline, named when it is hit. */
  timeoutFlag?: string;
  fetch?: typeof globalThis.fetch;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The spec at `source`, checked, as a model the engine can run on; anything wrong is a one-line usage error (exit 2). */
export async function loadSpec(source: string, options: LoadSpecOptions): Promise<SpecModel> {
  const { text, label, file } = await readSpec(source, options);
  const spec = parse(text, label);
  const problems = await checkSpecRules(spec);
  if (problems.length > 0) throw refused(label, problems);
  const doc = spec.doc;
  const info = isPlainObject(doc['info']) ? doc['info'] : {};
  const components = isPlainObject(doc['components']) && isPlainObject(doc['components']['schemas']) ? doc['components']['schemas'] : {};
  const schemaDocument: SpecDocument = { components: { schemas: components } };
  const origin = { location: label, sha256: sha256(text), bundled: false };
  let written: Promise<string> | undefined;
  return {
    info: { title: String(info['title'] ?? ''), version: String(info['version'] ?? '') },
    operations: Object.values(operationMetas(doc)) as unknown as OperationMeta[],
    schemaDocument,
    origin: () => origin,
    // Prism is handed the bytes that were checked, never the URL: it would read it again, uncapped.
    file: () =>
      (written ??= file
        ? Promise.resolve(file)
        : mkdtemp(join(tmpdir(), 'fungies-contract-spec-')).then(async (dir) => {
            const path = join(dir, 'api-docs.yaml');
            await writeFile(path, text);
            return path;
          })),
  };
}

async function readSpec(source: string, options: LoadSpecOptions): Promise<{ text: string; label: string; file?: string }> {
  const budget = createBudget(options.maxBytes, options.timeoutMs, { size: '--spec-max-mb', time: options.timeoutFlag });
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) return readUrl(source, budget, options.fetch ?? fetch);
  const file = resolve(options.cwd, source);
  try {
    return { text: (await readCappedFile(file, budget)).toString('utf8'), label: source, file };
  } catch (err) {
    if (err instanceof ReadRefused) throw usageError(`--spec ${printable(source)}${err.kind === 'size' ? ' is ' : ': '}${err.message}`);
    const code = (err as NodeJS.ErrnoException).code;
    throw usageError(
      `--spec ${printable(source)}: ${code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a spec file' : `cannot be read (${code ?? String(err)})`}`,
    );
  }
}

async function readUrl(
  source: string,
  budget: ReturnType<typeof createBudget>,
  fetch: typeof globalThis.fetch,
): Promise<{ text: string; label: string }> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw usageError(`--spec ${printable(source)} is neither a file nor a URL`);
  }
  if (url.username !== '' || url.password !== '')
    throw usageError('--spec: a URL must not carry a user name or password (user:password@): remove them');
  const label = url.href;
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw usageError(
      `--spec ${printable(label)}: only https URLs (or http to localhost/127.0.0.1/[::1]) are read, so the spec cannot be changed on the way; ${url.protocol === 'http:' ? 'use https' : `not ${url.protocol}`}`,
    );
  let response: Response;
  let body: Buffer;
  try {
    ({ response, body } = await downloadCapped(label, budget, fetch, {
      headers: { accept: 'application/yaml, application/json;q=0.9, text/plain;q=0.8' },
      // No hop is followed: the URL given is the spec checked, and a redirect could leave https or loopback.
      mayRedirectTo: () => false,
    }));
  } catch (err) {
    if (err instanceof ReadRefused) throw usageError(`--spec ${printable(label)}${err.kind === 'size' ? ' is ' : ': '}${err.message}`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw usageError(`--spec ${printable(label)}: cannot be downloaded (${cause?.code ?? cause?.message ?? (err as Error).message})`);
  }
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400)
    throw usageError(
      `--spec ${printable(label)} answered ${response.status}${location ? ` (a redirect to ${printable(location.slice(0, 200))})` : ''}: redirects are not followed; give the spec's final URL`,
    );
  if (!response.ok) throw usageError(`--spec ${printable(label)} answered ${response.status}: no spec was downloaded`);
  return { text: body.toString('utf8'), label };
}

function parse(text: string, label: string): ReturnType<typeof parseSpecText> {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<?xml'))
    throw usageError(`--spec ${printable(label)} is an HTML/XML page, not an OpenAPI YAML/JSON file: point at the raw spec`);
  try {
    return parseSpecText(text, label);
  } catch (err) {
    if (err instanceof SpecInvalidError) throw refused(label, err.problems);
    throw err;
  }
}

/** One line: where (line, JSON pointer), which rule, and how many more problems there are. */
function refused(label: string, problems: readonly SpecProblem[]): Error {
  const [first] = problems;
  const where = [first?.line ? `line ${first.line}` : '', first?.pointer ? `#${first.pointer}` : ''].filter(Boolean).join(' ');
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '';
  return usageError(
    `--spec ${printable(label)} is refused: ${where ? `${printable(where)}: ` : ''}${printable(first?.message ?? 'not a valid spec')}${more}`,
  );
}
