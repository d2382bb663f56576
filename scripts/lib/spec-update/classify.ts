/**
 * Judges each change from the caller's side: would code that worked against the old spec break?
 * One table, one row per kind; where the answer depends on the direction, the row has two verdicts.
 */
import type { Change, ChangeKind, Direction, RawChange, Severity } from './changes.js';

type Verdict = readonly [Severity, string];
type Rule = Verdict | { readonly request: Verdict; readonly response: Verdict };

const SAFE_OPTIONAL: Verdict = ['safe', 'optional: existing calls stay valid'];

// A table, one row per change kind: its repeated shape is data, not duplicated code.
export const RULES: Record<ChangeKind, Rule> = {
  'operation-added': ['safe', 'a new operation; existing calls are unaffected'],
  'operation-removed': ['breaking', 'calls to it fail and no longer compile'],
  'operation-renamed': ['breaking', 'code that names the operation by its operationId (types, error.operationId) must change'],
  'operation-deprecated': ['safe', 'still works for now; plan to move off it before it is removed'],
  'parameter-added': SAFE_OPTIONAL,
  'parameter-added-required': ['breaking', 'existing calls do not pass it'],
  'parameter-removed': ['breaking', 'calls that pass it no longer compile'],
  'parameter-now-required': ['breaking', 'calls that omit it are rejected'],
  'parameter-now-optional': ['safe', 'calls that pass it still work'],
  'parameter-deprecated': ['safe', 'still accepted for now; plan to stop sending it'],
  'request-body-added': SAFE_OPTIONAL,
  'request-body-added-required': ['breaking', 'existing calls send no body'],
  'request-body-removed': ['breaking', 'calls that send a body no longer compile'],
  'request-body-now-required': ['breaking', 'calls without a body are rejected'],
  'request-body-now-optional': ['safe', 'calls that send a body still work'],
  'content-type-added': ['safe', 'one more media type; the existing ones still work'],
  'content-type-removed': {
    request: ['breaking', 'calls that send this media type are rejected'],
    response: ['breaking', 'code that reads this media type gets something else'],
  },
  'response-added': ['safe', 'a newly documented status; existing handling still applies'],
  'success-response-removed': ['breaking', 'code that expects this success status gets another one'],
  'error-response-removed': ['safe', 'one documented error fewer to handle'],
  'response-header-added': ['safe', 'one more header; existing reads are unaffected'],
  'response-header-removed': ['breaking', 'code that reads it gets null'],
  'field-added': {
    request: SAFE_OPTIONAL,
    response: ['safe', 'more data; existing reads are unaffected'],
  },
  'field-added-required': {
    request: ['breaking', 'existing calls do not send it'],
    response: ['safe', 'more data; existing reads are unaffected'],
  },
  'field-removed': {
    request: ['breaking', 'calls that send it no longer compile'],
    response: ['breaking', 'code that reads it gets undefined'],
  },
  'field-now-required': {
    request: ['breaking', 'calls that omit it are rejected'],
    response: ['safe', 'always present now'],
  },
  'field-now-optional': {
    request: ['safe', 'calls that send it still work'],
    response: ['breaking', 'may be missing: code that reads it must handle undefined'],
  },
  'additional-properties-forbidden': {
    request: ['breaking', 'calls that send a field the schema does not list are rejected'],
    response: ['safe', 'only the listed fields are returned'],
  },
  // Removed on a response: breaking. Generated types do not change, but the old spec promised no
  // other keys, and clients check that promise: validateResponses run against the older spec (a
  // caller's pinned copy of this package) rejects the new keys, so does any code that copies or
  // iterates the whole object into a closed shape.
  'additional-properties-allowed': {
    request: ['safe', 'calls that send only the listed fields still work'],
    response: ['breaking', 'may return fields the old spec ruled out; strict validation against the old spec rejects them'],
  },
  'enum-value-added': {
    request: ['safe', 'one more accepted value'],
    response: ['breaking', 'the API can return a value that code written for the old list does not handle'],
  },
  'enum-value-removed': {
    request: ['breaking', 'calls that send it are rejected and no longer compile'],
    response: ['breaking', 'code that compares with it no longer compiles'],
  },
  'enum-added': {
    request: ['breaking', 'values outside the list are rejected now'],
    response: ['safe', 'only listed values are returned now'],
  },
  'enum-removed': {
    request: ['safe', 'any value is accepted now'],
    response: ['breaking', 'any value can be returned now'],
  },
  'type-widened': {
    request: ['safe', 'more values are accepted'],
    response: ['breaking', 'can return a type that existing code does not handle'],
  },
  'type-narrowed': {
    request: ['breaking', 'values of the dropped type are rejected'],
    response: ['safe', 'returns fewer types than before'],
  },
  'type-changed': ['breaking', 'values of the old type no longer fit'],
  'format-added': {
    request: ['breaking', 'values that do not match the format are rejected'],
    response: ['safe', 'values are more constrained than before'],
  },
  'format-removed': {
    request: ['safe', 'more values are accepted'],
    response: ['breaking', 'values no longer promise the format code may rely on'],
  },
  'format-changed': ['breaking', 'values valid before may not be now'],
  'pattern-added': {
    request: ['breaking', 'values that do not match the pattern are rejected'],
    response: ['safe', 'values are more constrained than before'],
  },
  'pattern-removed': {
    request: ['safe', 'more values are accepted'],
    response: ['breaking', 'values no longer promise the pattern code may rely on'],
  },
  'pattern-changed': ['breaking', 'values valid before may not match the new pattern'],
  'limit-tightened': {
    request: ['breaking', 'values accepted before may now be rejected'],
    response: ['safe', 'values stay within the old limits'],
  },
  'limit-loosened': {
    request: ['safe', 'every value accepted before still is'],
    response: ['breaking', 'can return values outside the limits code was written for'],
  },
  'limit-changed': ['breaking', 'values valid before may not be now, and new values may fall outside the old limit'],
  'variant-added': {
    request: ['safe', 'one more accepted shape'],
    response: ['breaking', 'can return a shape that existing code does not handle'],
  },
  'variant-removed': {
    request: ['breaking', 'calls that use that shape are rejected'],
    response: ['safe', 'one shape fewer to handle'],
  },
  'security-tightened': ['breaking', 'calls need a key they did not need before'],
  'security-loosened': ['safe', 'the keys sent before are still enough'],
  'security-scheme-changed': ['breaking', 'the key must be sent differently'],
};

export function verdict(kind: ChangeKind, direction: Direction | undefined): Verdict {
  const rule = RULES[kind];
  if (Array.isArray(rule)) return rule as Verdict;
  return (rule as { request: Verdict; response: Verdict })[direction ?? 'request'];
}

export function classify(changes: readonly RawChange[]): Change[] {
  return changes.map((change) => {
    const [severity, reason] = verdict(change.kind, change.direction);
    return { ...change, severity, reason };
  });
}
