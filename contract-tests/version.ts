/** The kit's version, read from its own package.json (beside the source, or two folders above dist/contract-tests/). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = ['./package.json', '../../package.json'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

export function kitVersion(): string {
  const file = candidates.find((f) => existsSync(f) && JSON.parse(readFileSync(f, 'utf8')).name === 'fungies-contract');
  return file ? String((JSON.parse(readFileSync(file, 'utf8')) as { version: unknown }).version) : 'unknown';
}
