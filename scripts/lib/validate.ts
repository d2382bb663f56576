/** Reads a spec and throws SpecInvalidError unless every check passes. */

import { readSpecFile, type SpecFile, SpecInvalidError } from '../../contract-tests/spec/spec-file.js';
import { checkSpec } from './spec-checks.js';

export async function loadValidSpec(file: string): Promise<SpecFile> {
  const spec = await readSpecFile(file);
  const problems = await checkSpec(spec);
  if (problems.length > 0) throw new SpecInvalidError(file, problems);
  return spec;
}
