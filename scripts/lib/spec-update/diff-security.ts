/** Security changes of one operation: who can still call it with the keys they send today. */

import type { OperationRef } from '../../../contract-tests/spec/openapi-walk.js';
import { segmentsToPointer } from '../../../src/json-pointer.js';
import { isPlainObject } from '../../../src/plain-object.js';
import type { OperationKey, RawChange } from './changes.js';

type Doc = Record<string, unknown>;

/** Security: compared as alternatives of scheme sets (OpenAPI's OR of ANDs), shown as header names. */
export function diffSecurity(oldDoc: Doc, newDoc: Doc, oldOp: OperationRef, newOp: OperationRef, operation: OperationKey): RawChange[] {
  const out: RawChange[] = [];
  const alternatives = (doc: Doc, op: OperationRef): string[][] => {
    const list = op.operation['security'] ?? doc['security'];
    if (!Array.isArray(list) || list.length === 0) return [[]];
    return list.map((req) => Object.keys(isPlainObject(req) ? req : {}).sort());
  };
  const before = alternatives(oldDoc, oldOp);
  const after = alternatives(newDoc, newOp);
  const show = (doc: Doc, alts: string[][]) =>
    alts.map((alt) => (alt.length === 0 ? 'none' : alt.map((s) => schemeLabel(doc, s)).join(' + '))).join(' or ');
  const pointer = `${newOp.pointer}/security`;
  const base = { where: 'security', field: '', pointer };
  if (JSON.stringify(before.map((a) => a.join('+')).sort()) !== JSON.stringify(after.map((a) => a.join('+')).sort())) {
    // Looser when whoever could authenticate before still can: each old alternative contains a new one.
    const loosened = before.every((old) => after.some((alt) => alt.every((s) => old.includes(s))));
    out.push({
      ...base,
      operation,
      kind: loosened ? 'security-loosened' : 'security-tightened',
      detail: `security ${show(oldDoc, before)} → ${show(newDoc, after)}`,
    });
  }
  const schemes = (doc: Doc) =>
    isPlainObject(doc['components']) && isPlainObject(doc['components']['securitySchemes']) ? doc['components']['securitySchemes'] : {};
  const used = new Set(after.flat().filter((s) => before.flat().includes(s)));
  for (const name of used) {
    // Only what decides how the key is sent; a reworded description changes nothing for a caller.
    const how = (scheme: unknown) =>
      isPlainObject(scheme) ? JSON.stringify([scheme['type'], scheme['in'], scheme['name'], scheme['scheme']]) : undefined;
    const [old, now] = [how(schemes(oldDoc)[name]), how(schemes(newDoc)[name])];
    if (old !== undefined && now !== undefined && old !== now) {
      out.push({
        ...base,
        operation,
        pointer: segmentsToPointer(['components', 'securitySchemes', name]),
        kind: 'security-scheme-changed',
        detail: `security scheme ${name}: ${schemeLabel(oldDoc, name)} → ${schemeLabel(newDoc, name)}`,
      });
    }
  }
  return out;
}

function schemeLabel(doc: Doc, name: string): string {
  const schemes =
    isPlainObject(doc['components']) && isPlainObject(doc['components']['securitySchemes']) ? doc['components']['securitySchemes'] : {};
  const scheme = schemes[name];
  if (isPlainObject(scheme) && scheme['type'] === 'apiKey') return `${String(scheme['name'])} (${String(scheme['in'])})`;
  if (isPlainObject(scheme) && scheme['type'] === 'http') return `${String(scheme['scheme'])} (http)`;
  return name;
}
