/** A temp copy of the repo to run spec:update in, and next versions of its spec made from what it holds now. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { ScriptError } from '../../../scripts/lib/cli.js';
import { type SpecUpdateOptions, type SpecUpdateResult, specUpdate } from '../../../scripts/lib/spec-update/command.js';
import { type TempRepo, tempRepo } from '../temp-repo.js';

/** Each test that type-checks runs tsc on the copy's src/ and generated/ once or twice (seconds each, more on a busy machine). */
export const SLOW = 180_000;
const CANCEL = '/v0/orders/{orderIdOrNumber}/cancel';

export type Schema = { properties: Record<string, Schema>; required?: string[] };
type Doc = {
  info: { version: string };
  paths: Record<string, { patch: { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> } }>;
  components: { schemas: Record<string, Schema> };
};

export interface Sandbox {
  repo: TempRepo;
  /** A folder outside the repo for source files. */
  scratch: string;
  /** The repo's spec as it is now, with one edit to the cancel-order order object: works whatever else the spec holds. */
  nextVersion(name: string, edit: (order: Schema) => void): Promise<string>;
  /** specUpdate on the copy, its log captured; a thrown error is returned. */
  run(options: Partial<SpecUpdateOptions>): Promise<{ result?: SpecUpdateResult; output: string; error?: ScriptError }>;
  remove(): Promise<void>;
}

export async function createSandbox(): Promise<Sandbox> {
  // What spec:update type-checks against a new generated/: the client, where a bump breaks callers' code.
  const repo = await tempRepo({ tsconfigInclude: ['src', 'generated'] });
  const scratch = await mkdtemp(join(tmpdir(), 'spec-update-sources-'));
  return {
    repo,
    scratch,
    async nextVersion(name, edit) {
      const doc = parse(await readFile(join(repo.dir, 'openapi/api-docs.yaml'), 'utf8')) as Doc;
      doc.info.version = '9.9.9';
      const ref = doc.paths[CANCEL]!.patch.responses['200']!.content['application/json']!.schema.$ref;
      edit(doc.components.schemas[ref.split('/').pop()!]!.properties['data']!.properties['order']!);
      const file = join(scratch, name);
      await writeFile(file, stringify(doc));
      return file;
    },
    async run(options) {
      const lines: string[] = [];
      try {
        const result = await specUpdate({
          cwd: repo.dir,
          log: (t) => lines.push(t),
          now: () => new Date('2026-01-02T00:00:00Z'),
          ...options,
        });
        return { result, output: lines.join('\n') };
      } catch (error) {
        return { output: lines.join('\n'), error: error as ScriptError };
      }
    },
    async remove() {
      await repo.remove();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
