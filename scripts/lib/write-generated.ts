/** Writes the files of generated/ into a directory; shared by spec:generate and spec:update. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `files` into `dir`, removing generated files that are no longer produced. */
export async function writeGenerated(dir: string, files: Map<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) if (!files.has(name)) await rm(join(dir, name));
  for (const [name, text] of files) await writeFile(join(dir, name), text);
}
