/**
 * Compares two specs operation by operation, with every `$ref` followed: the vendor names its
 * components per operation, so comparing components by name would miss renames and shared shapes.
 */

import {
  deref,
  type Json,
  type JsonObject,
  type OperationRef,
  operationParameters,
  specOperations,
} from '../../../contract-tests/spec/openapi-walk.js';
import { segmentsToPointer } from '../../../src/json-pointer.js';
import { isPlainObject } from '../../../src/plain-object.js';
import type { ChangeKind, Direction, OperationKey, RawChange } from './changes.js';
import { compareClosed, compareEnums, compareKeyword, compareTypes, showTypes, typesOf, valuesOf } from './diff-keywords.js';
import { compareLimits } from './diff-limits.js';
import { diffSecurity } from './diff-security.js';

type Doc = Record<string, unknown>;

interface Ctx {
  oldDoc: Doc;
  newDoc: Doc;
  operation: OperationKey;
  out: RawChange[];
}

interface SchemaCtx extends Ctx {
  direction: Direction;
  where: string;
  /** `$ref` pairs being compared further up, so recursive schemas end. */
  stack: Set<string>;
}

/** Operations match by method and path, with path-parameter names ignored ({id} = {orderId}). */
const matchKey = (op: OperationRef) => `${op.method} ${op.path.replace(/\{[^{}]*\}/g, '{}')}`;
const keyOf = (op: OperationRef): OperationKey => ({
  operationId: String(op.operation['operationId'] ?? ''),
  method: op.method.toUpperCase(),
  path: op.path,
});

export function diffSpecs(oldDoc: Doc, newDoc: Doc): RawChange[] {
  const out: RawChange[] = [];
  const oldOps = new Map(specOperations(oldDoc).map((op) => [matchKey(op), op]));
  const newOps = new Map(specOperations(newDoc).map((op) => [matchKey(op), op]));
  const add = (kind: ChangeKind, op: OperationRef, detail: string) =>
    out.push({ kind, operation: keyOf(op), where: 'operation', field: '', pointer: op.pointer, detail });
  for (const [key, oldOp] of oldOps) {
    const newOp = newOps.get(key);
    if (!newOp) {
      add('operation-removed', oldOp, 'operation removed');
      continue;
    }
    const ctx: Ctx = { oldDoc, newDoc, operation: keyOf(newOp), out };
    if (keyOf(oldOp).operationId !== ctx.operation.operationId) {
      add('operation-renamed', newOp, `operationId ${keyOf(oldOp).operationId} → ${ctx.operation.operationId}`);
    }
    if (oldOp.operation['deprecated'] !== true && newOp.operation['deprecated'] === true)
      add('operation-deprecated', newOp, 'operation deprecated');
    diffOperation(ctx, oldOp, newOp);
  }
  for (const [key, newOp] of newOps) if (!oldOps.has(key)) add('operation-added', newOp, 'operation added');
  // One operation's changes together, operations in path order: the report reads like the API reference.
  const order = (c: RawChange) => `${c.operation.path} ${c.operation.method}`;
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (order(a.c) < order(b.c) ? -1 : order(a.c) > order(b.c) ? 1 : a.i - b.i))
    .map(({ c }) => c);
}

function diffOperation(ctx: Ctx, oldOp: OperationRef, newOp: OperationRef): void {
  diffParameters(ctx, oldOp, newOp);
  diffRequestBody(ctx, oldOp, newOp);
  diffResponses(ctx, oldOp, newOp);
  ctx.out.push(...diffSecurity(ctx.oldDoc, ctx.newDoc, oldOp, newOp, ctx.operation));
}

/** `field` is left out for a change to a whole parameter, body, response, header or media type. */
function push(ctx: Ctx, change: Omit<RawChange, 'operation' | 'field'> & { field?: string }): void {
  ctx.out.push({ operation: ctx.operation, field: '', ...change });
}

function diffParameters(ctx: Ctx, oldOp: OperationRef, newOp: OperationRef): void {
  const byKey = (doc: Doc, op: OperationRef) =>
    new Map(operationParameters(doc, op).map((p) => [`${String(p.param['in'])} parameter ${String(p.param['name'])}`, p]));
  const before = byKey(ctx.oldDoc, oldOp);
  const after = byKey(ctx.newDoc, newOp);
  for (const [where, old] of before) {
    const now = after.get(where);
    if (!now) {
      push(ctx, { kind: 'parameter-removed', direction: 'request', where, pointer: old.pointer, detail: `${where} removed` });
      continue;
    }
    const [was, is] = [old.param['required'] === true, now.param['required'] === true];
    if (!was && is)
      push(ctx, {
        kind: 'parameter-now-required',
        direction: 'request',
        where,
        pointer: now.pointer,
        detail: `${where} is now required`,
      });
    if (was && !is)
      push(ctx, {
        kind: 'parameter-now-optional',
        direction: 'request',
        where,
        pointer: now.pointer,
        detail: `${where} is now optional`,
      });
    if (old.param['deprecated'] !== true && now.param['deprecated'] === true)
      push(ctx, {
        kind: 'parameter-deprecated',
        direction: 'request',
        where,
        pointer: now.pointer,
        detail: `${where} deprecated`,
      });
    diffSchema(
      { ...ctx, direction: 'request', where, stack: new Set() },
      old.param['schema'],
      now.param['schema'],
      `${now.pointer}/schema`,
      '',
    );
  }
  for (const [where, now] of after) {
    if (before.has(where)) continue;
    const required = now.param['required'] === true;
    push(ctx, {
      kind: required ? 'parameter-added-required' : 'parameter-added',
      direction: 'request',
      where,
      pointer: now.pointer,
      detail: `${required ? 'required' : 'optional'} ${where} added`,
    });
  }
}

function diffRequestBody(ctx: Ctx, oldOp: OperationRef, newOp: OperationRef): void {
  const where = 'request body';
  const pointer = `${newOp.pointer}/requestBody`;
  const old = deref(ctx.oldDoc, oldOp.operation['requestBody']);
  const now = deref(ctx.newDoc, newOp.operation['requestBody']);
  const base = { direction: 'request' as const, where, pointer };
  if (!isPlainObject(old) && !isPlainObject(now)) return;
  if (!isPlainObject(now))
    return push(ctx, { ...base, pointer: `${oldOp.pointer}/requestBody`, kind: 'request-body-removed', detail: 'request body removed' });
  const required = now['required'] === true;
  if (!isPlainObject(old))
    return push(ctx, {
      ...base,
      kind: required ? 'request-body-added-required' : 'request-body-added',
      detail: `${required ? 'required' : 'optional'} request body added`,
    });
  if (old['required'] !== true && required)
    push(ctx, { ...base, kind: 'request-body-now-required', detail: 'request body is now required' });
  if (old['required'] === true && !required)
    push(ctx, { ...base, kind: 'request-body-now-optional', detail: 'request body is now optional' });
  diffContent({ ...ctx, direction: 'request', where, stack: new Set() }, old, now, pointer);
}

function diffResponses(ctx: Ctx, oldOp: OperationRef, newOp: OperationRef): void {
  const responses = (op: OperationRef) => (isPlainObject(op.operation['responses']) ? op.operation['responses'] : {});
  const [before, after] = [responses(oldOp), responses(newOp)];
  for (const status of Object.keys(before)) {
    const where = `response ${status}`;
    const pointer = `${newOp.pointer}/responses/${segmentsToPointer([status]).slice(1)}`;
    if (!(status in after)) {
      const success = /^2/.test(status);
      push(ctx, {
        kind: success ? 'success-response-removed' : 'error-response-removed',
        direction: 'response',
        where,
        pointer: `${oldOp.pointer}/responses/${status}`,
        detail: `${where} removed`,
      });
      continue;
    }
    const old = deref(ctx.oldDoc, before[status]);
    const now = deref(ctx.newDoc, after[status]);
    if (!isPlainObject(old) || !isPlainObject(now)) continue;
    diffContent({ ...ctx, direction: 'response', where, stack: new Set() }, old, now, pointer);
    diffHeaders(ctx, old, now, pointer, where);
  }
  for (const status of Object.keys(after)) {
    if (!(status in before)) {
      push(ctx, {
        kind: 'response-added',
        direction: 'response',
        where: `response ${status}`,
        pointer: `${newOp.pointer}/responses/${status}`,
        detail: `response ${status} added`,
      });
    }
  }
}

/** Response headers, matched by name case-insensitively as HTTP does; their schemas compared like fields. */
function diffHeaders(ctx: Ctx, old: JsonObject, now: JsonObject, pointer: string, response: string): void {
  const headers = (doc: Doc, node: JsonObject) => {
    const out = new Map<string, { name: string; header: JsonObject }>();
    for (const [name, raw] of Object.entries(isPlainObject(node['headers']) ? node['headers'] : {})) {
      const header = deref(doc, raw);
      if (isPlainObject(header)) out.set(name.toLowerCase(), { name, header });
    }
    return out;
  };
  const [before, after] = [headers(ctx.oldDoc, old), headers(ctx.newDoc, now)];
  const at = (name: string) => `${pointer}/headers/${segmentsToPointer([name]).slice(1)}`;
  const base = { direction: 'response' as const };
  for (const [key, { name, header }] of before) {
    const match = after.get(key);
    const where = `${response} header ${match?.name ?? name}`;
    if (!match) push(ctx, { ...base, kind: 'response-header-removed', where, pointer: at(name), detail: `${where} removed` });
    else
      diffSchema(
        { ...ctx, direction: 'response', where, stack: new Set() },
        header['schema'],
        match.header['schema'],
        `${at(match.name)}/schema`,
        '',
      );
  }
  for (const [key, { name }] of after) {
    const where = `${response} header ${name}`;
    if (!before.has(key)) push(ctx, { ...base, kind: 'response-header-added', where, pointer: at(name), detail: `${where} added` });
  }
}

/** Media types of a body or response: schemas compared where both have the type. */
function diffContent(ctx: SchemaCtx, old: JsonObject, now: JsonObject, pointer: string): void {
  const content = (node: JsonObject) => (isPlainObject(node['content']) ? node['content'] : {});
  const [before, after] = [content(old), content(now)];
  for (const type of Object.keys(before)) {
    const at = `${pointer}/content/${segmentsToPointer([type]).slice(1)}`;
    const media = after[type];
    if (media === undefined) {
      push(ctx, {
        kind: 'content-type-removed',
        direction: ctx.direction,
        where: ctx.where,
        pointer: at,
        detail: `${ctx.where}: ${type} removed`,
      });
    } else {
      const schemaOf = (m: Json | undefined) => (isPlainObject(m) ? m['schema'] : undefined);
      // Most operations speak only JSON; name the media type only when there is a choice.
      const where = Object.keys(after).length > 1 ? `${ctx.where} (${type})` : ctx.where;
      diffSchema({ ...ctx, where }, schemaOf(before[type]), schemaOf(media), `${at}/schema`, '');
    }
  }
  for (const type of Object.keys(after)) {
    if (!(type in before))
      push(ctx, {
        kind: 'content-type-added',
        direction: ctx.direction,
        where: ctx.where,
        pointer: `${pointer}/content/${segmentsToPointer([type]).slice(1)}`,
        detail: `${ctx.where}: ${type} added`,
      });
  }
}

function diffSchema(ctx: SchemaCtx, oldRaw: unknown, newRaw: unknown, pointer: string, field: string): void {
  const refPair = `${refOf(oldRaw)}|${refOf(newRaw)}`;
  if (refPair !== '|' && ctx.stack.has(refPair)) return;
  if (ctx.stack.size > 64) return;
  const old = flatten(ctx.oldDoc, oldRaw);
  const now = flatten(ctx.newDoc, newRaw);
  if (!old || !now) return;
  const stack = new Set(ctx.stack).add(refPair);
  const inner: SchemaCtx = { ...ctx, stack };
  const change = (kind: ChangeKind, detail: string, at = pointer, f = field) =>
    push(ctx, { kind, direction: ctx.direction, where: ctx.where, field: f, pointer: at, detail });
  const label = field || ctx.where;

  const typeKind = compareTypes(typesOf(old), typesOf(now));
  if (typeKind) change(typeKind, `${label}: type ${showTypes(typesOf(old))} → ${showTypes(typesOf(now))}`);
  // Nothing below a type change that makes the old and new shapes unrelated would mean anything.
  if (typeKind === 'type-changed') return;

  compareKeyword(change, label, 'format', old['format'], now['format']);
  compareKeyword(change, label, 'pattern', old['pattern'], now['pattern']);
  compareEnums(change, label, valuesOf(old), valuesOf(now));
  compareLimits(change, label, old, now);

  const [oldProps, newProps] = [propertiesOf(old), propertiesOf(now)];
  const [oldReq, newReq] = [requiredOf(old), requiredOf(now)];
  for (const name of Object.keys(oldProps)) {
    const path = field ? `${field}.${name}` : name;
    const at = `${pointer}/properties/${segmentsToPointer([name]).slice(1)}`;
    if (!(name in newProps)) {
      change('field-removed', `field ${path} removed`, at, path);
      continue;
    }
    if (!oldReq.has(name) && newReq.has(name)) change('field-now-required', `field ${path} is now required`, at, path);
    if (oldReq.has(name) && !newReq.has(name)) change('field-now-optional', `field ${path} is now optional`, at, path);
    diffSchema(inner, oldProps[name], newProps[name], at, path);
  }
  for (const name of Object.keys(newProps)) {
    if (name in oldProps) continue;
    const path = field ? `${field}.${name}` : name;
    const at = `${pointer}/properties/${segmentsToPointer([name]).slice(1)}`;
    change(
      newReq.has(name) ? 'field-added-required' : 'field-added',
      `${newReq.has(name) ? 'required ' : ''}field ${path} added`,
      at,
      path,
    );
  }

  compareClosed(change, label, old, now);

  if (old['items'] !== undefined || now['items'] !== undefined)
    diffSchema(inner, old['items'], now['items'], `${pointer}/items`, `${field}[]`);
  if (isPlainObject(old['additionalProperties']) && isPlainObject(now['additionalProperties'])) {
    diffSchema(inner, old['additionalProperties'], now['additionalProperties'], `${pointer}/additionalProperties`, `${field}{*}`);
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const [before, after] = [arrayOf(old[keyword]), arrayOf(now[keyword])];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const at = `${pointer}/${keyword}/${i}`;
      const variant = `${label} ${keyword} #${i + 1}`;
      if (i >= after.length) change('variant-removed', `${variant} removed`, at);
      else if (i >= before.length) change('variant-added', `${variant} added`, at);
      else
        diffSchema(
          { ...inner, where: field ? ctx.where : `${ctx.where} ${keyword} #${i + 1}` },
          before[i],
          after[i],
          at,
          field ? `${field}<${keyword} #${i + 1}>` : '',
        );
    }
  }
}

function refOf(node: unknown): string {
  return isPlainObject(node) && typeof node['$ref'] === 'string' ? node['$ref'] : '';
}

function arrayOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** The schema with its `$ref` followed and its `allOf` branches merged in (properties, required, keywords). */
function flatten(doc: Doc, raw: unknown, depth = 0): JsonObject | undefined {
  const node = deref<Json>(doc, raw);
  if (node === true) return {};
  if (!isPlainObject(node) || depth > 16) return undefined;
  const allOf = node['allOf'];
  if (!Array.isArray(allOf)) return node;
  const merged: JsonObject = { ...node };
  delete merged['allOf'];
  for (const branch of allOf) {
    const part = flatten(doc, branch, depth + 1);
    if (!part) continue;
    merged['properties'] = { ...propertiesOf(part), ...propertiesOf(merged) };
    merged['required'] = [...new Set([...requiredOf(merged), ...requiredOf(part)])];
    for (const [k, v] of Object.entries(part)) if (!(k in merged)) merged[k] = v;
  }
  return merged;
}

function propertiesOf(schema: JsonObject): JsonObject {
  return isPlainObject(schema['properties']) ? schema['properties'] : {};
}

function requiredOf(schema: JsonObject): Set<string> {
  return new Set(arrayOf(schema['required']).map(String));
}
