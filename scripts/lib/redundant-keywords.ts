/**
 * Drops, from copies of the spec's schemas, the assertions an earlier `allOf` branch already makes
 * on the same value. The spec writes a list item as `allOf: [{ $ref: Order }, { required: […],
 * properties: { id: { format: uuid }, … } }]`, restating what Order checks, so every order's id,
 * number and status were tested twice.
 *
 * A keyword goes only when its removal changes no verdict and no finding: an earlier branch asserts
 * the same keyword with the same value on the same value, unconditionally, so it fails whenever the
 * dropped one would have, first, with the same message; every other assertion of that keyword on
 * that value within the schema is the same too; and their schemas share their `default` and
 * examples (what tells a spec defect from a server fault, src/validation/spec-defects.ts). Only
 * keywords whose meaning does not depend on their neighbours go, and where a conditional keyword
 * (anyOf, oneOf, if…) could assert more on the same value, nothing does. Nothing is ever
 * rewritten, only removed: a spec string cannot reach generated code through this.
 */
import { pointerSegments } from '../../src/json-pointer.js';
import { isPlainObject } from '../../src/plain-object.js';

type Schema = Record<string, unknown>;

/** Assertions that judge a value on their own, whatever else the schema holds. */
const STANDALONE = new Set([
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
]);

/** What tells a spec defect (a schema rejecting its own default or example) from a server fault. */
const DEFECT_ANNOTATIONS = ['default', 'example', 'examples'];

/**
 * Keys whose values are data (an enum's values, a default) or annotations, not schemas, and the
 * alternatives: a failed anyOf or oneOf shows its inline branches as written (the contract suite's
 * describeSchema). Never rewritten.
 */
const KEPT = new Set(['enum', 'const', 'required', 'discriminator', 'xml', 'externalDocs', 'anyOf', 'oneOf', ...DEFECT_ANNOTATIONS]);

/** Keywords whose result depends on what the other keywords evaluated: where any appears, nothing is dropped. */
const CONTEXTUAL = new Set([
  'unevaluatedProperties',
  'unevaluatedItems',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
]);

/** Keywords that may apply more assertions to an object's property than its `properties` show (additionalProperties: false does not). */
const OBJECT_CONDITIONAL = new Set([
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'patternProperties',
  'additionalProperties',
]);

/** Keywords that may assert more on a value than its schema's own keywords show. */
const VALUE_CONDITIONAL = new Set(['anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'nullable']);

/** How deep $refs and allOfs are followed, and how many schemas at most are visited, reading one allOf. */
const MAX_DEPTH = 16;
const MAX_VISITS = 10_000;

/** Per slot (`own keyword`, `property name keyword`, `required name`): the assertions made in it. */
type Facts = Map<string, Set<string>>;

interface Reading {
  facts: Facts;
  /** A conditional keyword, a dangling ref or the budget met: the object may be asserted more than `facts` say. */
  opaque: boolean;
  /** Properties some conditional keyword may assert more on. */
  opaqueProperties: Set<string>;
}

/**
 * The spec document with the redundant assertions dropped from its component schemas (a copy;
 * `doc` is left as it is). `documentId` is the id refs into the document start with.
 */
export function documentWithoutRedundantKeywords(doc: Record<string, unknown>, documentId: string): Record<string, unknown> {
  const components = doc['components'];
  if (!isPlainObject(components) || !isPlainObject(components['schemas'])) return doc;
  const schemas: Schema = {};
  let changed = false;
  for (const [name, schema] of Object.entries(components['schemas'])) {
    schemas[name] = withoutRedundantKeywords(schema, doc, documentId);
    changed ||= schemas[name] !== schema;
  }
  return changed ? { ...doc, components: { ...components, schemas } } : doc;
}

/**
 * `schema` (whose refs point into `doc`, as `${documentId}#/…` or `#/…`) without the redundant
 * assertions; `schema` itself when nothing goes or when the document uses a keyword that makes
 * dropping unsafe.
 */
export function withoutRedundantKeywords(schema: unknown, doc: Record<string, unknown>, documentId: string): unknown {
  if (documentMentionsContextual(doc) || mentions(schema, CONTEXTUAL)) return schema;
  const resolve = (ref: string): unknown => resolvePointer(doc, ref, documentId);
  let changed = false;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isPlainObject(node)) return node;
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) out[key] = KEPT.has(key) || key.startsWith('x-') ? value : visit(value);
    const branches = node['allOf'];
    if (Array.isArray(branches) && branches.length > 1) {
      const pruned = pruneAllOf(node, branches, out['allOf'] as unknown[], resolve);
      if (pruned) {
        out['allOf'] = pruned;
        changed = true;
      }
    }
    return out;
  };
  const result = visit(schema);
  return changed ? result : schema;
}

/**
 * The allOf's branches (`visited`: as already pruned inside) without what earlier ones assert, or
 * undefined when nothing goes. What each branch asserts is read from the spec as written.
 */
function pruneAllOf(node: Schema, branches: unknown[], visited: unknown[], resolve: (ref: string) => unknown): unknown[] | undefined {
  const { allOf: _, ...rest } = node;
  const readings = [read(rest, resolve), ...branches.map((branch) => read(branch, resolve))];
  if (readings.some((r) => r.opaque)) return undefined;
  const opaqueProperties = new Set(readings.flatMap((r) => [...r.opaqueProperties]));
  let out: unknown[] | undefined;
  for (let j = 1; j < branches.length; j++) {
    const branch = visited[j];
    if (!isPlainObject(branch)) continue;
    // Every assertion in the slot, anywhere in this schema, is the one dropped; one before it stays.
    const droppable = (slot: string, fact: string): boolean => {
      let earlier = false;
      for (let i = 0; i < readings.length; i++) {
        const facts = readings[i]!.facts.get(slot);
        if (!facts) continue;
        if (facts.size !== 1 || !facts.has(fact)) return false;
        // readings[0] is the schema beside the allOf, readings[i] branch i - 1.
        if (i >= 1 && i - 1 < j) earlier = true;
      }
      return earlier;
    };
    const pruned = prune(branch, droppable, opaqueProperties);
    if (pruned !== branch) {
      out ??= [...visited];
      out[j] = pruned;
    }
  }
  return out;
}

/** `branch` without what `droppable` allows to go; `branch` itself when nothing goes. */
function prune(branch: Schema, droppable: (slot: string, fact: string) => boolean, opaqueProperties: Set<string>): Schema {
  let out: Schema | undefined;
  const copy = () => (out ??= { ...branch });
  for (const key of Object.keys(branch)) {
    if (STANDALONE.has(key) && !('nullable' in branch) && droppable(ownSlot(key), factOf(branch[key], branch))) delete copy()[key];
  }
  const required = branch['required'];
  if (Array.isArray(required)) {
    const left = required.filter((name) => !(typeof name === 'string' && droppable(requiredSlot(name), factOf(null, branch))));
    if (left.length < required.length) {
      if (left.length > 0) copy()['required'] = left;
      else delete copy()['required'];
    }
  }
  const properties = branch['properties'];
  if (isPlainObject(properties)) {
    let props: Schema | undefined;
    for (const [name, sub] of Object.entries(properties)) {
      if (opaqueProperties.has(name) || !isPlainObject(sub) || '$ref' in sub || 'nullable' in sub) continue;
      const kept: Schema = {};
      for (const [key, value] of Object.entries(sub)) {
        if (!(STANDALONE.has(key) && droppable(propertySlot(name, key), factOf(value, sub)))) kept[key] = value;
      }
      if (Object.keys(kept).length === Object.keys(sub).length) continue;
      // The property stays, if only as annotations: an additionalProperties beside it must still see it declared.
      props ??= { ...properties };
      props[name] = kept;
    }
    if (props) copy()['properties'] = props;
  }
  return out ?? branch;
}

const ownSlot = (keyword: string) => JSON.stringify(['own', keyword]);
const propertySlot = (name: string, keyword: string) => JSON.stringify(['property', name, keyword]);
const requiredSlot = (name: string) => JSON.stringify(['required', name]);

/** An assertion: the keyword's value with the annotations of the schema it sits in. */
function factOf(value: unknown, holder: Schema): string {
  return canonical([
    value,
    ...DEFECT_ANNOTATIONS.map((key) => (key in holder ? holder[key] : null)),
    DEFECT_ANNOTATIONS.filter((key) => key in holder),
  ]);
}

/**
 * What `node` asserts on its instance whenever it is evaluated: its own standalone keywords and
 * required names, its properties' standalone keywords (through their refs and allOfs), and the
 * same of every schema it reaches by `$ref` or `allOf`.
 */
function read(node: unknown, resolve: (ref: string) => unknown): Reading {
  const reading: Reading = { facts: new Map(), opaque: false, opaqueProperties: new Set() };
  let budget = MAX_VISITS;
  const add = (slot: string, fact: string) => {
    const facts = reading.facts.get(slot) ?? new Set<string>();
    facts.add(fact);
    reading.facts.set(slot, facts);
  };
  /** Walks the schemas applied to one instance: `property` names it when it is an object's property value. */
  const walk = (at: unknown, depth: number, path: Set<unknown>, property: string | undefined): void => {
    if (at === true || (isPlainObject(at) && path.has(at))) return;
    if (!isPlainObject(at) || depth > MAX_DEPTH || budget-- <= 0) {
      reading.opaque = true;
      return;
    }
    const inner = new Set(path).add(at);
    if (property === undefined) {
      const conditional = Object.entries(at).some(
        ([key, value]) =>
          (OBJECT_CONDITIONAL.has(key) && !(key === 'additionalProperties' && typeof value === 'boolean')) || VALUE_CONDITIONAL.has(key),
      );
      if (conditional) reading.opaque = true;
      for (const [key, value] of Object.entries(at)) if (STANDALONE.has(key)) add(ownSlot(key), factOf(value, at));
      if (Array.isArray(at['required']))
        for (const name of at['required']) if (typeof name === 'string') add(requiredSlot(name), factOf(null, at));
      if (isPlainObject(at['properties'])) {
        for (const [name, sub] of Object.entries(at['properties'])) walk(sub, depth + 1, inner, name);
      }
    } else {
      if (Object.keys(at).some((key) => VALUE_CONDITIONAL.has(key))) reading.opaqueProperties.add(property);
      for (const [key, value] of Object.entries(at)) if (STANDALONE.has(key)) add(propertySlot(property, key), factOf(value, at));
    }
    if (typeof at['$ref'] === 'string') walk(resolve(at['$ref']), depth + 1, inner, property);
    if (Array.isArray(at['allOf'])) for (const branch of at['allOf']) walk(branch, depth + 1, inner, property);
  };
  walk(node, 0, new Set(), undefined);
  return reading;
}

/** JSON with object keys sorted: equal for values JSON Schema treats as equal (array order kept). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The schema a ref into the spec document names, walking own properties only; undefined for anything else. */
function resolvePointer(doc: Record<string, unknown>, ref: string, documentId: string): unknown {
  const fragment = ref.startsWith(`${documentId}#`) ? ref.slice(documentId.length + 1) : ref.startsWith('#') ? ref.slice(1) : undefined;
  if (fragment === undefined || (fragment !== '' && !fragment.startsWith('/'))) return undefined;
  const keys = pointerSegments(`#${fragment}`);
  if (!keys) return undefined;
  let node: unknown = doc;
  for (const key of keys) {
    if (!(isPlainObject(node) || Array.isArray(node)) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Whether the document uses a CONTEXTUAL keyword anywhere: asked for each of its schemas, read once per document. */
const contextualDocuments = new WeakMap<object, boolean>();
function documentMentionsContextual(doc: Record<string, unknown>): boolean {
  let found = contextualDocuments.get(doc);
  if (found === undefined) {
    found = mentions(doc, CONTEXTUAL);
    contextualDocuments.set(doc, found);
  }
  return found;
}

/** True when any object inside `node` has one of `keys`. */
function mentions(node: unknown, keys: Set<string>): boolean {
  if (Array.isArray(node)) return node.some((item) => mentions(item, keys));
  if (!isPlainObject(node)) return false;
  return Object.entries(node).some(([key, value]) => keys.has(key) || mentions(value, keys));
}
