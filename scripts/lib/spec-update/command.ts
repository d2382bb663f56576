/**
 * spec:update as a function of its options (cwd included, so tests run it on a temp copy):
 * read → bundle → canonical YAML → validate → generate → type-check → diff → report → swap in.
 * Nothing in cwd changes until every step has passed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createBudget } from '../../../contract-tests/spec/download.js';
import { specOperations } from '../../../contract-tests/spec/openapi-walk.js';
import { formatProblems, parseSpecText, type SpecFile, SpecInvalidError } from '../../../contract-tests/spec/spec-file.js';
import { SPEC_PATH } from '../../../contract-tests/spec-path.js';
import { isPlainObject } from '../../../src/plain-object.js';
import { ScriptError } from '../cli.js';
import { GENERATED_DIR, generateFiles } from '../generate.js';
import { checkSpec } from '../spec-checks.js';
import { bundleSpec } from './bundle.js';
import { canonicalize, toYaml } from './canonical.js';
import type { OperationKey } from './changes.js';
import { classify } from './classify.js';
import { diffSpecs } from './diff.js';
import { markOfficial, PROVENANCE_PATH } from './provenance.js';
import { breakingCount, CHANGES_PATH, formatMarkdownEntry, formatTerminal, prependEntry, type UpdateReport } from './report.js';
import { readSource } from './source.js';
import { claimStaging, recoverInterruptedUpdate, releaseStaging, swapIn } from './swap.js';
import { compileErrorsWith } from './typecheck.js';
import { EXIT_UPDATE_FAILED, updateFailed } from './update-failed.js';

export interface SpecUpdateOptions {
  /** The repository root: openapi/, generated/, package.json live here. */
  cwd: string;
  /** File path or http(s) URL; defaults to `fungies.specUrl` in package.json. */
  source?: string;
  /** Relative source paths resolve from here (npm sets INIT_CWD to where the user typed the command). @default cwd */
  sourceCwd?: string;
  /** Treat the source as the vendor's own file even when it is not the default URL (e.g. a downloaded copy). */
  official?: boolean;
  /** Report only; write nothing. */
  dryRun?: boolean;
  /** Cap on the bytes read for the spec and every file it references together. @default DEFAULT_MAX_BYTES (20 MiB) */
  maxBytes?: number;
  /** Cap on the time all downloads of one update take together. @default DEFAULT_TIMEOUT_MS (60 s) @unit milliseconds */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Called after every file operation of the swap (fault-injection tests kill the process there). */
  afterStep?: () => void;
  now?: () => Date;
  log?: (text: string) => void;
}

export interface SpecUpdateResult {
  report: UpdateReport;
  /** Changes classified breaking plus compile errors. */
  breaking: number;
  /** Files and folders (relative to cwd) that were rewritten; empty on a dry run or when nothing changed. */
  written: string[];
}

export async function specUpdate(options: SpecUpdateOptions): Promise<SpecUpdateResult> {
  const { cwd, log = console.log } = options;
  const recovered = await recoverInterruptedUpdate(cwd);
  if (recovered) log(recovered);
  const defaultUrl = await configuredSpecUrl(cwd);
  const source = options.source ?? defaultUrl;
  if (!source)
    throw updateFailed(
      'no source: pass a file or URL (npm run spec:update -- <url|file>) or set "fungies": { "specUrl": … } in package.json',
    );
  const official = options.official === true || source === defaultUrl;
  log(`==> Updating ${SPEC_PATH} from ${source}${official ? ' (official)' : ''}`);

  const budget = createBudget(options.maxBytes, options.timeoutMs);
  const reading = { budget, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const input = await readSource(source, { cwd: options.sourceCwd ?? cwd, ...reading });
  const parsed = asUpdateError(() => parseSpecText(input.text, input.label));
  if (!('openapi' in parsed.doc) || !('paths' in parsed.doc)) {
    throw updateFailed(`${input.label} is YAML/JSON but not an OpenAPI document (no "openapi" and "paths" at the top level)`);
  }
  const text = toYaml(canonicalize(await bundleSpec(parsed.doc, input, reading)));

  const spec = await validated(text, parsed);
  // Everything written before the swap (the project copy tsc checks) goes in the repo's one staging
  // folder, never the temp dir: a crash leaves it where the next run finds and removes it.
  const staging = await claimStaging(cwd);
  try {
    // The banner of generated/ names the spec by its place in the repo, as spec:generate does.
    const generated = await generateFrom({ ...spec, file: SPEC_PATH });
    log(`✔ bundled and validated: ${title(spec.doc)}, ${specOperations(spec.doc).length} operation(s)`);

    const currentText = await readOptional(join(cwd, SPEC_PATH));
    const current = currentText === undefined ? {} : asUpdateError(() => parseSpecText(currentText, SPEC_PATH)).doc;
    const changes = classify(diffSpecs(current, spec.doc));
    const compileErrors = currentText === text ? [] : await compileErrorsWith(cwd, generated, join(staging, 'tsc'));
    log(`✔ type-checked the project against the new types: ${compileErrors.length} new error(s)`);

    const newOps = specOperations(spec.doc).map(operationKey);
    const report: UpdateReport = {
      source: input.label,
      official,
      fromVersion: versionOf(current),
      toVersion: versionOf(spec.doc),
      date: (options.now?.() ?? new Date()).toISOString().slice(0, 10),
      changes,
      compileErrors,
      lacking: official ? changes.filter((c) => c.kind === 'operation-removed').map((c) => c.operation) : [],
    };
    const files = new Map<string, string>();
    if (official) {
      const provenance = await readOptional(join(cwd, PROVENANCE_PATH));
      if (provenance === undefined) report.provenance = 'missing';
      else {
        const update = markOfficial(provenance, newOps, input.isUrl ? input.label : (defaultUrl ?? input.label), versionOf(spec.doc));
        report.provenance = { marked: update.marked, added: update.added, dropped: update.dropped };
        if (update.text !== provenance) files.set(PROVENANCE_PATH, update.text);
      }
    }
    log(`\n${formatTerminal(report)}`);

    if (currentText !== text) {
      files.set(SPEC_PATH, text);
      files.set(CHANGES_PATH, prependEntry(await readOptional(join(cwd, CHANGES_PATH)), formatMarkdownEntry(report)));
    }
    const dirs = currentText !== text ? new Map([[GENERATED_DIR, generated]]) : new Map<string, Map<string, string>>();
    const written = [...files.keys(), ...[...dirs.keys()].map((d) => `${d}/`)].sort();
    if (options.dryRun) log(`\ndry run: nothing written (would write ${written.join(', ') || 'nothing'})`);
    else if (written.length === 0) log(`\n✔ ${SPEC_PATH} is already up to date`);
    else {
      await swapIn(cwd, { files, dirs }, options.afterStep ? { afterStep: options.afterStep } : {});
      log(`\n✔ wrote ${written.join(', ')}`);
    }
    return { report, breaking: breakingCount(report), written: options.dryRun ? [] : written };
  } finally {
    await releaseStaging(cwd);
  }
}

/** `fungies.specUrl` from package.json: where the vendor publishes api-docs.yaml. */
async function configuredSpecUrl(cwd: string): Promise<string | undefined> {
  const text = await readOptional(join(cwd, 'package.json'));
  if (text === undefined) return undefined;
  const pkg = JSON.parse(text) as { fungies?: { specUrl?: unknown } };
  return typeof pkg.fungies?.specUrl === 'string' ? pkg.fungies.specUrl : undefined;
}

/** The pipeline's own validation of the bundled text; problems are located in the file the user gave (pointers survive bundling). */
async function validated(text: string, source: SpecFile): Promise<SpecFile> {
  const spec = asUpdateError(() => parseSpecText(text, SPEC_PATH));
  const problems = await checkSpec(spec);
  if (problems.length === 0) return spec;
  const located = problems.map(({ line: _line, column: _column, ...p }) => ({ ...p, ...source.locate(p.pointer) }));
  throw new ScriptError(
    `${formatProblems(source.file, located)}\n✘ nothing was changed: fix the spec (or ask the vendor) and run spec:update again`,
    EXIT_UPDATE_FAILED,
  );
}

async function generateFrom(spec: SpecFile): Promise<Map<string, string>> {
  try {
    return await generateFiles(spec);
  } catch (err) {
    throw updateFailed(`the new spec is valid but generated/ cannot be built from it: ${(err as Error).message}`);
  }
}

function asUpdateError<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof SpecInvalidError)) throw err;
    const [only] = err.problems;
    // A problem with no place in the file (an alias bomb) is one line, not a located list.
    if (err.problems.length === 1 && only && !only.pointer && !only.line) throw updateFailed(`${err.file}: ${only.message}`);
    throw new ScriptError(formatProblems(err.file, err.problems), EXIT_UPDATE_FAILED);
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function operationKey(op: ReturnType<typeof specOperations>[number]): OperationKey {
  return { operationId: String(op.operation['operationId'] ?? ''), method: op.method.toUpperCase(), path: op.path };
}

function versionOf(doc: Record<string, unknown>): string {
  return isPlainObject(doc['info']) && doc['info']['version'] !== undefined ? String(doc['info']['version']) : '(none)';
}

function title(doc: Record<string, unknown>): string {
  return isPlainObject(doc['info']) ? `${String(doc['info']['title'] ?? '')} ${versionOf(doc)}`.trim() : versionOf(doc);
}
