/** Writes the files of generated/ into a directory; shared by spec:generate and spec:update. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathInside } from './contained-path.js';
import { listFiles } from './list-files.js';

/**
 * Writes `files` (names may contain one '/' level) into `dir`, removing generated files that are no
 * longer produced. Every name is checked before anything is written: none may resolve outside `dir`.
 */
export async function writeGenerated(dir: string, files: Map<string, string>): Promise<void> {
  const targets = [...files].map(([name, text]) => [pathInside(dir, name), text] as const);
  await mkdir(dir, { recursive: true });
  for (const name of await listFiles(dir)) if (!files.has(name)) await rm(join(dir, name));
  for (const [path, text] of targets) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
}
