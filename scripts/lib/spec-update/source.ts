/** Reads the new spec from a file or an http(s) URL, refusing anything that is not a YAML/JSON document. */
import { resolve } from 'node:path';
import { type Budget, createBudget, downloadCapped, ReadRefused, readCappedFile } from '../../../contract-tests/spec/download.js';
import { updateFailed } from './update-failed.js';

export interface SpecSource {
  /** What the user gave, for messages (a URL without credentials). */
  label: string;
  /** Where relative `$ref`s resolve from: an absolute file path or the URL it was finally served from. */
  base: string;
  text: string;
  isUrl: boolean;
}

export interface ReadSourceOptions {
  /** Relative file paths resolve from here. */
  cwd: string;
  fetch?: typeof globalThis.fetch;
  /** Size and time caps, shared with the files the spec references. @default createBudget() */
  budget?: Budget;
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readSource(
  source: string,
  { cwd, fetch = globalThis.fetch, budget = createBudget() }: ReadSourceOptions,
): Promise<SpecSource> {
  if (isUrl(source)) return readUrl(source, fetch, budget);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw updateFailed(`${source}: only http(s) URLs and file paths are supported`);
  const file = resolve(cwd, source);
  let text: string;
  try {
    text = (await readCappedFile(file, budget)).toString('utf8');
  } catch (err) {
    if (err instanceof ReadRefused) throw updateFailed(`${source}${err.kind === 'size' ? ' is ' : ': '}${err.message}`);
    const code = (err as NodeJS.ErrnoException).code;
    throw updateFailed(
      `${source}: ${code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a spec file' : `cannot read (${code ?? String(err)})`}`,
    );
  }
  refuseNonSpec(source, text, '');
  return { label: source, base: file, text, isUrl: false };
}

async function readUrl(url: string, fetch: typeof globalThis.fetch, budget: Budget): Promise<SpecSource> {
  const label = withoutCredentials(url);
  let response: Response;
  let text: string;
  try {
    const download = await downloadCapped(url, budget, fetch, {
      headers: { accept: 'application/yaml, application/json;q=0.9, text/plain;q=0.8' },
    });
    response = download.response;
    text = download.body.toString('utf8');
  } catch (err) {
    if (err instanceof ReadRefused && err.kind === 'size') throw updateFailed(`${label} is ${err.message}`);
    throw updateFailed(
      `cannot download ${label}: ${err instanceof ReadRefused ? err.message : networkReason(err)}. Check the URL and the network, or update from a file: npm run spec:update -- path/to/api-docs.yaml`,
    );
  }
  if (!response.ok)
    throw updateFailed(
      `${label} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: no spec was downloaded`,
    );
  refuseNonSpec(label, text, response.headers.get('content-type') ?? '');
  // Relative $refs resolve against where the spec was finally served from (after redirects).
  return { label, base: response.url || url, text, isUrl: true };
}

/** An HTML page (a login wall, a docs page, an error page) is the usual wrong answer: say so plainly. */
function refuseNonSpec(label: string, text: string, contentType: string): void {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (/html/i.test(contentType) || head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<?xml')) {
    throw updateFailed(
      `${label} is an HTML/XML page${contentType ? ` (content-type ${contentType})` : ''}, not an OpenAPI YAML/JSON file: point at the raw api-docs.yaml`,
    );
  }
  if (text.trim() === '') throw updateFailed(`${label} is empty: no spec to update from`);
}

export function networkReason(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (no network, or a wrong host name)';
  return code ?? e.cause?.message ?? e.message ?? String(err);
}

/** A URL as messages show it: user and password never printed. */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}
