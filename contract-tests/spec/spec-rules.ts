/**
 * The rules a spec must meet before anything reads it as a contract, shared by the spec pipeline
 * (spec:validate, spec:update) and the kit's --spec: dangling and external refs, path templates vs
 * path parameters, unique operationIds, every Schema Object compiled by Ajv 2020-12 in strict
 * mode, and the trust rules (identifier rules, patterns free of catastrophic backtracking).
 * swagger-parser's structural validation is added by scripts/lib/spec-checks.ts.
 */

import { segmentsToPointer } from '../../src/json-pointer.js';
import { isPlainObject } from '../../src/plain-object.js';
import { createAjv } from '../validation/ajv.js';
import { addSpecDocument, SPEC_DOCUMENT_ID } from '../validation/spec-document.js';
import { allRefs, operationParameters, pathTemplateParams, resolveLocalRef, specOperations } from './openapi-walk.js';
import type { SpecFile, SpecProblem } from './spec-file.js';
import { checkIdentifiers } from './spec-identifiers.js';
import { checkPatterns } from './spec-patterns.js';

/** Problems that make the spec unusable, without swagger-parser's structural validation. */
export async function checkSpecRules(spec: SpecFile): Promise<SpecProblem[]> {
  const { doc } = spec;
  const problems: SpecProblem[] = [];
  const version = doc['openapi'];
  if (typeof version !== 'string' || !version.startsWith('3.1')) {
    problems.push({ pointer: '/openapi', message: `expected "openapi: 3.1.x", found ${JSON.stringify(version ?? null)}` });
    return locate(spec, problems);
  }
  // The spec is untrusted input: patterns become validators, names become code and files. recheck
  // runs in its own process, so the patterns are checked while Ajv compiles the schemas below.
  const patternProblems = checkPatterns(doc);
  const refProblems = checkRefs(doc);
  problems.push(...refProblems, ...checkOperations(doc), ...checkIdentifiers(doc));
  // Schemas with dangling refs cannot compile; their errors would only repeat the ref problems.
  if (refProblems.length === 0) problems.push(...checkSchemas(doc));
  problems.push(...(await patternProblems));
  return locate(spec, problems);
}

export function locate(spec: SpecFile, problems: SpecProblem[]): SpecProblem[] {
  return problems.map((p) => (p.line ? p : { ...p, ...spec.locate(p.pointer) }));
}

function checkRefs(doc: Record<string, unknown>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const { ref, pointer } of allRefs(doc)) {
    if (!ref.startsWith('#')) {
      problems.push({
        pointer: `${pointer}/$ref`,
        message: `external $ref "${ref}": the spec must be self-contained: bundle its files into one first (npm run spec:update does)`,
      });
    } else if (resolveLocalRef(doc, ref) === undefined) {
      problems.push({ pointer: `${pointer}/$ref`, message: `$ref "${ref}" points at nothing in this document` });
    }
  }
  return problems;
}

function checkOperations(doc: Record<string, unknown>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const seen = new Map<string, string>();
  for (const op of specOperations(doc)) {
    const label = `${op.method.toUpperCase()} ${op.path}`;
    const id = op.operation['operationId'];
    if (typeof id !== 'string' || id === '') {
      problems.push({
        pointer: op.pointer,
        message: `${label} has no operationId (the client and the contract suite name operations by it)`,
      });
    } else if (seen.has(id)) {
      problems.push({
        pointer: `${op.pointer}/operationId`,
        message: `operationId "${id}" is used twice: by ${seen.get(id)} and ${label}`,
      });
    } else {
      seen.set(id, label);
    }
    const templated = pathTemplateParams(op.path);
    const declared = operationParameters(doc, op).filter(({ param }) => param['in'] === 'path');
    for (const name of templated) {
      if (!declared.some(({ param }) => param['name'] === name)) {
        problems.push({
          pointer: op.pointer,
          message: `${label}: path has {${name}} but no "in: path" parameter named "${name}" is declared`,
        });
      }
    }
    for (const { param, pointer } of declared) {
      if (!templated.includes(String(param['name']))) {
        problems.push({ pointer, message: `${label}: path parameter "${String(param['name'])}" does not appear in the path template` });
      } else if (param['required'] !== true) {
        problems.push({ pointer, message: `${label}: path parameter "${String(param['name'])}" must have "required: true"` });
      }
    }
  }
  return problems;
}

/** Every named schema and every inline schema under paths, compiled in strict mode. */
function checkSchemas(doc: Record<string, unknown>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const ajv = createAjv({ strict: true });
  try {
    addSpecDocument(ajv, doc, { withPaths: true });
  } catch (err) {
    return [{ pointer: '/components', message: `cannot load schemas: ${(err as Error).message}` }];
  }
  for (const pointer of schemaPointers(doc)) {
    const schema = resolveLocalRef(doc, `#${pointer}`);
    // Meta-schema errors carry the exact keyword location; report those rather than the compile error.
    if (!ajv.validateSchema(schema as object)) {
      const seen = new Set<string>();
      for (const e of ajv.errors ?? []) {
        // anyOf in the meta-schema reports one failure per branch; the first names the real problem.
        if (seen.has(e.instancePath)) continue;
        seen.add(e.instancePath);
        const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
        const value = resolveLocalRef(doc, `#${pointer}${e.instancePath}`);
        problems.push({
          pointer: pointer + e.instancePath,
          message: `invalid JSON Schema (2020-12): ${JSON.stringify(value)} ${e.message ?? 'is invalid'}${allowed ? `: ${allowed.join(', ')}` : ''}`,
        });
      }
      continue;
    }
    // Ajv accepts OpenAPI 3.0's `nullable` natively, so strict mode alone would let it through.
    for (const at of keywordPointers(schema, 'nullable')) {
      problems.push({ pointer: pointer + at, message: `"nullable" is OpenAPI 3.0; in 3.1 write the type as [X, 'null']` });
    }
    try {
      ajv.getSchema(`${SPEC_DOCUMENT_ID}#${pointer}`);
    } catch (err) {
      problems.push({ pointer, message: `invalid JSON Schema (2020-12, strict): ${(err as Error).message.replace(/^strict mode: /, '')}` });
    }
  }
  return problems;
}

/** Pointers (relative to `schema`) of every object that carries `keyword`. */
function keywordPointers(schema: unknown, keyword: string, at = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => keywordPointers(item, keyword, `${at}/${i}`));
  if (!isPlainObject(schema)) return [];
  const here = keyword in schema ? [`${at}/${keyword}`] : [];
  return here.concat(Object.entries(schema).flatMap(([k, v]) => keywordPointers(v, keyword, `${at}/${segmentsToPointer([k]).slice(1)}`)));
}

/** Pointers of the top-level Schema Objects: components.schemas and those inline in operations. */
export function schemaPointers(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  const components = doc['components'];
  if (isPlainObject(components) && isPlainObject(components['schemas'])) {
    for (const name of Object.keys(components['schemas'])) out.push(segmentsToPointer(['components', 'schemas', name]));
  }
  const content = (base: string, node: unknown) => {
    if (!isPlainObject(node) || !isPlainObject(node['content'])) return;
    for (const [type, media] of Object.entries(node['content'])) {
      if (isPlainObject(media) && isPlainObject(media['schema'])) out.push(`${base}/content/${segmentsToPointer([type]).slice(1)}/schema`);
    }
  };
  for (const op of specOperations(doc)) {
    const params = op.operation['parameters'];
    if (Array.isArray(params)) {
      params.forEach((p, i) => {
        if (isPlainObject(p) && isPlainObject(p['schema'])) out.push(`${op.pointer}/parameters/${i}/schema`);
      });
    }
    content(`${op.pointer}/requestBody`, op.operation['requestBody']);
    const responses = op.operation['responses'];
    if (isPlainObject(responses)) {
      for (const [status, response] of Object.entries(responses)) content(`${op.pointer}/responses/${status}`, response);
    }
  }
  // A bare {$ref} is checked where it points.
  return out.filter((pointer) => {
    const schema = resolveLocalRef(doc, `#${pointer}`);
    return !(isPlainObject(schema) && typeof schema['$ref'] === 'string' && Object.keys(schema).length === 1);
  });
}
