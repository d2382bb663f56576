/**
 * Every regular expression the spec hands to Ajv (`pattern`, `patternProperties`) is compiled into
 * validators that run on ids, response and webhook bodies: one that can backtrack catastrophically
 * would let a short input stall the process. recheck (a ReDoS checker, automaton analysis with
 * fuzzing as fallback) proves each one safe at spec-check time, or the spec is refused.
 * Why recheck and not a linear-time engine at run time: docs/spec-pipeline.md ("Trust model").
 */
import { check, type Diagnostics } from 'recheck';
import { segmentsToPointer } from '../../src/json-pointer.js';
import { isPlainObject } from '../../src/plain-object.js';
import { printable, type SpecProblem } from './spec-file.js';

/** Keywords whose values are instances, not schemas: a `pattern` key inside them is data. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'const', 'enum']);
/** Maps whose keys are names, not keywords: a property called `default` there is a schema. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas']);

/** Per pattern; a pattern recheck cannot decide within it is refused like a vulnerable one. */
export const PATTERN_CHECK_TIMEOUT_MS = 10_000;

interface PatternSite {
  pattern: string;
  pointer: string;
}

/** Ajv compiles patterns with the `u` flag (its `unicodeRegExp` default), so they are checked with it. */
export async function checkPatterns(doc: Record<string, unknown>): Promise<SpecProblem[]> {
  const sites = patternSites(doc);
  const distinct = [...new Set(sites.map((s) => s.pattern))];
  const verdicts = new Map(await Promise.all(distinct.map(async (p) => [p, await verdict(p)] as const)));
  return sites.flatMap(({ pattern, pointer }) => {
    const problem = verdicts.get(pattern);
    return problem ? [{ pointer, message: `pattern ${printable(JSON.stringify(pattern))} ${problem}` }] : [];
  });
}

/** Why the pattern is refused, or undefined when it is safe. */
async function verdict(pattern: string): Promise<string | undefined> {
  let result: Diagnostics;
  try {
    new RegExp(pattern, 'u');
  } catch {
    return undefined; // Ajv's strict compile (spec-checks.ts) reports an invalid pattern with its own message.
  }
  try {
    // The fuzzer's own time limits and random seed made its verdict depend on the machine's load
    // (the order-number pattern came out vulnerable on a busy machine): its step limits alone decide.
    result = await check(pattern, 'u', { timeout: PATTERN_CHECK_TIMEOUT_MS, attackTimeout: null, incubationTimeout: null, randomSeed: 0 });
  } catch (err) {
    return `could not be checked for catastrophic backtracking (${(err as Error).message}): refused`;
  }
  if (result.status === 'safe') return undefined;
  if (result.status === 'vulnerable') {
    return `can backtrack catastrophically (${result.complexity.type} time, e.g. on ${printable(JSON.stringify(result.attack.pattern))}): refused, rewrite it so no input can make it slow`;
  }
  return `could not be shown free of catastrophic backtracking (${result.error.kind}): refused`;
}

function patternSites(node: unknown, segments: (string | number)[] = [], out: PatternSite[] = []): PatternSite[] {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) patternSites(item, [...segments, i], out);
  } else if (isPlainObject(node)) {
    if (typeof node['pattern'] === 'string') out.push({ pattern: node['pattern'], pointer: segmentsToPointer([...segments, 'pattern']) });
    if (isPlainObject(node['patternProperties'])) {
      for (const key of Object.keys(node['patternProperties'])) {
        out.push({ pattern: key, pointer: segmentsToPointer([...segments, 'patternProperties', key]) });
      }
    }
    const names = NAME_MAPS.has(String(segments.at(-1)));
    for (const [key, value] of Object.entries(node)) {
      if (names || !DATA_KEYWORDS.has(key)) patternSites(value, [...segments, key], out);
    }
  }
  return out;
}
