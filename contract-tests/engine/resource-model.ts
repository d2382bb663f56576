/**
 * The spec's resource model as the behaviour checks read it: each component's `x-resource` and its
 * fields' `x-unit`, from the active spec. A spec without them has no model: the checks that need one plan nothing.
 */
import { isPlainObject } from '../../src/plain-object.js';
import { activeSpec, type SpecModel } from '../spec/model.js';

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

/** Per spec: a plan asks once per check family, and each asking walked every component. */
const built = new WeakMap<SpecModel, readonly ResourceModel[]>();

/** The active spec's resource models, in component order (a fresh array; the models are shared, never changed). */
export function resourceModels(): ResourceModel[] {
  const spec = activeSpec();
  let models = built.get(spec);
  if (!models) {
    models = buildModels(spec);
    built.set(spec, models);
  }
  return [...models];
}

function buildModels(spec: SpecModel): ResourceModel[] {
  const out: ResourceModel[] = [];
  for (const [name, schema] of Object.entries(spec.schemaDocument.components.schemas)) {
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
