/** The spec's resource model as the behaviour checks read it: each component's `x-resource` and its fields' `x-unit`. */
import { schemaDocument } from '../../generated/schemas.js';
import { isPlainObject } from '../../src/plain-object.js';

export interface ListFilter {
  parameter: string;
  field: string;
  match: 'in' | 'equals';
  /** A value of the parameter meaning "no filter" (`all`). */
  any?: string;
}

/** The state a write leaves (`x-resource.transitions[]`). */
export interface Transition {
  operationId: string;
  /** Fields a read shows with these values after the write (`status: CANCELLED`). */
  sets?: Record<string, unknown>;
  /** The resource leaves the default list (where the list has an `includeArchived` flag). */
  archived?: boolean;
  /** The write makes a new resource (a duplicate) and answers it. */
  creates?: boolean;
}

export interface ResourceModel {
  name: string;
  operations: Record<string, string>;
  list?: { items: string; defaultSort?: { field: string; order: 'asc' | 'desc' }; filters?: ListFilter[]; includeArchived?: string };
  transitions?: Transition[];
  /** Field → unit (`unix-ms`, `minor-currency-unit`…). */
  units: Record<string, string>;
  /** The `object` constant its answers carry (`order`). */
  object: string;
}

export function resourceModels(): ResourceModel[] {
  const out: ResourceModel[] = [];
  for (const [name, schema] of Object.entries(schemaDocument.components.schemas)) {
    if (!isPlainObject(schema)) continue;
    const properties = (isPlainObject(schema['properties']) ? schema['properties'] : {}) as Record<string, Record<string, unknown>>;
    const x = schema['x-resource'];
    const objectProp = properties['object'];
    const object = objectProp?.['const'] ?? (Array.isArray(objectProp?.['enum']) ? objectProp['enum'][0] : undefined);
    if (!isPlainObject(x) || typeof object !== 'string') continue;
    const units = Object.fromEntries(
      Object.entries(properties)
        .filter(([, p]) => typeof p['x-unit'] === 'string')
        .map(([k, p]) => [k, p['x-unit'] as string]),
    );
    out.push({ name, object, units, ...(x as Omit<ResourceModel, 'name' | 'units' | 'object'>) });
  }
  return out;
}
