/** The kit's version, read from its own package.json (beside the source, or two folders above dist/contract-tests/). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = ['./package.json', '../../package.json'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

export function kitVersion(): string {
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    if (pkg.name === 'fungies-contract') return String(pkg.version);
  }
  return 'unknown';
}
