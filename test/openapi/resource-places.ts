/** Every place the spec shows a resource: operation answers and webhook payloads, each named by where it sits. */
import { isPlainObject } from '../../src/plain-object.js';

type Json = Record<string, unknown>;

export interface ResourcePlace {
  /** The component schema of the resource (`Order`). */
  resource: string;
  /** `GetV0OrdersOrderIdOrNumber data.order.user` or `webhook payment_success data.items[]`. */
  label: string;
  /** The keys from `data` down to the place; `[]` steps into an array. */
  path: string[];
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Component names whose `object` constant names them (`order` → `Order`): the resources. */
export function resourceNames(spec: Json): Set<string> {
  const schemas = ((spec['components'] as Json)['schemas'] ?? {}) as Record<string, Json>;
  return new Set(
    Object.entries(schemas)
      .filter(([name, s]) => {
        const object = (s['properties'] as Json | undefined)?.['object'] as Json | undefined;
        const value = object?.['const'] ?? (object?.['enum'] as unknown[] | undefined)?.[0];
        return typeof value === 'string' && pascal(value) === name;
      })
      .map(([name]) => name),
  );
}

export function resourcePlaces(spec: Json): ResourcePlace[] {
  const resources = resourceNames(spec);
  const schemas = (spec['components'] as Json)['schemas'] as Record<string, Json>;
  // `#/components/schemas/Order` → `Order`; a pointer deeper into a component (`…/Order/properties/user`) is not a component.
  const target = (ref: unknown) =>
    typeof ref === 'string' && /^#\/components\/schemas\/[^/]+$/.test(ref) ? ref.split('/').pop()! : undefined;
  const deref = (node: unknown): Json => {
    let n = node as Json;
    while (isPlainObject(n) && typeof n['$ref'] === 'string') {
      const ref: string = n['$ref'];
      n = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), spec) as Json;
    }
    return n ?? {};
  };
  /** The resource a node stands for: a $ref to it, a stricter view (allOf), a nullable one (anyOf), or an inline object with its constant. */
  const resourceOf = (node: Json): string | undefined => {
    const ref = target(node['$ref']);
    if (ref && resources.has(ref)) return ref;
    if (ref?.startsWith('WebhookEvent')) return resourceOf(schemas[ref] as Json);
    for (const key of ['allOf', 'anyOf'] as const) {
      const first = (node[key] as Json[] | undefined)?.[0];
      if (first) {
        const r = resourceOf(first);
        if (r) return r;
      }
    }
    const object = (node['properties'] as Json | undefined)?.['object'] as Json | undefined;
    const value = object?.['const'] ?? (object?.['enum'] as unknown[] | undefined)?.[0];
    return typeof value === 'string' && resources.has(pascal(value)) ? pascal(value) : undefined;
  };
  const out: ResourcePlace[] = [];
  const walk = (node: unknown, where: string, path: string[], depth: number) => {
    if (!isPlainObject(node) || depth > 6) return;
    const resource = resourceOf(node);
    if (resource && path.length > 0) out.push({ resource, label: `${where} data.${path.join('.').replace(/\.\[\]/g, '[]')}`, path });
    // Below a place: the inline parts of its view only (a component's own fields are the component's).
    const parts: Json[] = [node];
    for (const key of ['allOf', 'anyOf'] as const) for (const b of (node[key] as Json[] | undefined) ?? []) parts.push(b);
    if (target(node['$ref'])?.startsWith('WebhookEvent')) parts.push(deref(node));
    for (const part of parts) {
      // A resource's own fields, and pointers into them, are the component's places (walked once, below).
      if (typeof part['$ref'] === 'string' && (resources.has(target(part['$ref']) ?? '') || !target(part['$ref']))) continue;
      const s = typeof part['$ref'] === 'string' ? deref(part) : part;
      for (const [k, v] of Object.entries((s['properties'] as Json | undefined) ?? {})) walk(v, where, [...path, k], depth + 1);
      if (isPlainObject(s['items'])) walk(s['items'], where, [...path, '[]'], depth + 1);
    }
  };
  for (const item of Object.values(spec['paths'] as Record<string, Json>))
    for (const op of Object.values(item) as Json[]) {
      const schema = (
        (((op['responses'] as Json)['200'] as Json | undefined)?.['content'] as Json | undefined)?.['application/json'] as Json | undefined
      )?.['schema'];
      if (!schema) continue;
      const data = deref((deref(schema)['properties'] as Json | undefined)?.['data']);
      if (isPlainObject(data)) walk({ ...data, $ref: undefined }, String(op['operationId']), [], 0);
    }
  for (const name of resources) walk({ ...schemas[name], properties: schemas[name]!['properties'] }, `component ${name}`, [], 0);
  for (const [event, hook] of Object.entries((spec['webhooks'] ?? {}) as Record<string, Json>)) {
    const body = deref(((((hook['post'] as Json)['requestBody'] as Json)['content'] as Json)['application/json'] as Json)['schema']);
    walk({ ...deref((body['properties'] as Json)['data']), $ref: undefined }, `webhook ${event}`, [], 0);
  }
  return out;
}
