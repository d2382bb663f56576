/**
 * Every check spec:validate and spec:update make: the shared rules (contract-tests/spec/spec-rules.ts),
 * then swagger-parser's structural validation of OpenAPI 3.1.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { SpecFile, SpecProblem } from '../../contract-tests/spec/spec-file.js';
import { checkSpecRules, locate } from '../../contract-tests/spec/spec-rules.js';

/** Problems that make the spec unusable. Warnings are separate (see spec-warnings.ts). */
export async function checkSpec(spec: SpecFile): Promise<SpecProblem[]> {
  const problems = await checkSpecRules(spec);
  // swagger-parser's structural validation repeats the ref problems in a worse form: only run it
  // on a document whose refs resolve.
  return problems.length > 0 ? problems : locate(spec, await checkStructure(spec));
}

async function checkStructure(spec: SpecFile): Promise<SpecProblem[]> {
  try {
    await SwaggerParser.validate(structuredClone(spec.doc) as never);
    return [];
  } catch (err) {
    const text = (err as Error).message ?? String(err);
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^Swagger schema validation failed\.?$/.test(l))
      .slice(0, 10)
      .map((message) => {
        const at = /at #(\/\S*)/.exec(message);
        return { pointer: at?.[1] ?? '', message: `OpenAPI structure: ${message}` };
      });
  }
}
