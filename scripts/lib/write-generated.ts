/** Writes the files of generated/ into a directory; shared by spec:generate and spec:update. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFiles } from './list-files.js';

/** Writes `files` (names may contain one '/' level) into `dir`, removing generated files that are no longer produced. */
export async function writeGenerated(dir: string, files: Map<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await listFiles(dir)) if (!files.has(name)) await rm(join(dir, name));
  for (const [name, text] of files) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}
