/**
 * Derives the resource methods (`fungies.orders.list()`…) and the named types (`Order`,
 * `OrdersListQuery`…) from the spec: generated/resources.ts and generated/types.ts.
 *
 * The naming rule, from the path alone so names stay put when operationIds or tags change:
 * drop the version segment (`v0`); the static segments before the last are the groups, the path
 * parameters become positional arguments in path order, and the last static segment is the method
 * name. A path that ends with a parameter gets the method from its HTTP verb:
 * GET → `get`, DELETE → `delete`, PATCH → `update`, PUT → `replace`, POST → `create`.
 *   GET   /v0/orders/{orderIdOrNumber}                         → orders.get(orderIdOrNumber)
 *   PATCH /v0/products/{productId}/variants/{variantId}/update → products.variants.update(productId, variantId, body)
 * Named types are the PascalCase of the method's place plus `Query`, `Params`, `Body` or
 * `Response` (`OrdersListQuery`, `ProductsVariantsUpdateBody`); a resource object is named after
 * its `object` constant (`order` → `Order`), taken from a get-by-id operation when there is one.
 */

import { deref, type JsonObject, type OperationRef, operationParameters, specOperations } from '../../contract-tests/spec/openapi-walk.js';
import { isPlainObject } from '../../src/plain-object.js';
import { commentText, identifier, LINE_TERMINATORS, propertyKey } from './emit.js';

export interface ResourceRoute {
  groups: string[];
  name: string;
  pathParams: string[];
}

export interface ResourcePlan extends ResourceRoute {
  operationId: string;
  method: string;
  path: string;
  query: boolean;
  queryRequired: boolean;
  body: boolean;
  bodyRequired: boolean;
  list: boolean;
  /** `OrdersList` for orders.list. */
  typePrefix: string;
  summary: string;
  description: string;
  /** Path parameter name → its description in the spec. */
  pathParamDocs: Record<string, string>;
  /** The 2xx status whose `data` the method returns. */
  successStatus: string | undefined;
}

const VERB_METHODS: Record<string, string> = { get: 'get', delete: 'delete', patch: 'update', put: 'replace', post: 'create' };
const PAGING_PARAMS = ['skip', 'cursor', 'page'];

const camel = (segment: string) => segment.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export function resourceRoute(method: string, path: string): ResourceRoute {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments[0] !== undefined && /^v\d+$/.test(segments[0])) segments.shift();
  const pathParams: string[] = [];
  const statics: string[] = [];
  for (const segment of segments) {
    const param = /^\{([^{}]+)\}$/.exec(segment);
    if (param) pathParams.push(param[1] ?? '');
    else statics.push(camel(segment));
  }
  const endsWithParam = /^\{[^{}]+\}$/.test(segments.at(-1) ?? '');
  const verb = VERB_METHODS[method.toLowerCase()] ?? method.toLowerCase();
  const groups = endsWithParam ? statics : statics.slice(0, -1);
  const name = endsWithParam ? verb : (statics.at(-1) ?? '');
  if (groups.length === 0) throw new Error(`${method.toUpperCase()} ${path}: no resource segment to group the method under`);
  return { groups, name, pathParams };
}

/** Spec prose for JSDoc: the vendor indents continuation lines, which editors would show as code. */
function text(value: unknown): string {
  return typeof value === 'string'
    ? value
        .split('\n')
        .map((l) => l.trim())
        .join('\n')
        .trim()
    : '';
}

/**
 * The page's list: the one array property of the 200 body's `data`, or undefined when there is not
 * exactly one. `paginate()` reads the result from generated/pagination.ts, so both use this rule.
 */
function listKeyOf(doc: Record<string, unknown>, operation: JsonObject): string | undefined {
  const responses = deref(doc, operation['responses']);
  const ok = deref(doc, isPlainObject(responses) ? responses['200'] : undefined);
  const content = isPlainObject(ok) && isPlainObject(ok['content']) ? ok['content']['application/json'] : undefined;
  const body = deref(doc, isPlainObject(content) ? content['schema'] : undefined);
  const data = deref(doc, isPlainObject(body) && isPlainObject(body['properties']) ? body['properties']['data'] : undefined);
  const properties = isPlainObject(data) && isPlainObject(data['properties']) ? Object.entries(data['properties']) : [];
  const lists = properties.filter(([, schema]) => {
    const type = deref(doc, schema)?.['type'];
    return type === 'array' || (Array.isArray(type) && type.includes('array'));
  });
  return lists.length === 1 ? lists[0]![0] : undefined;
}

const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;

/**
 * generated/pagination.ts: for every list `paginate()` can walk (a GET with a paging parameter and
 * one list in its data), the list's property and the numeric bounds of its query parameters, so
 * paging needs neither the schema document nor a validator at run time.
 */
function paginationModule(doc: Record<string, unknown>, plans: ResourcePlan[]): string {
  const lists: Record<string, { listKey: string; queryBounds: Record<string, Record<string, number>> }> = {};
  for (const op of specOperations(doc)) {
    const plan = plans.find((p) => p.operationId === op.operation['operationId']);
    const listKey = plan?.list ? listKeyOf(doc, op.operation) : undefined;
    if (!listKey) continue;
    const queryBounds: Record<string, Record<string, number>> = {};
    for (const { param } of operationParameters(doc, op)) {
      if (param['in'] !== 'query') continue;
      const schema = deref(doc, param['schema']);
      const bounds = Object.fromEntries(BOUNDS.filter((k) => typeof schema?.[k] === 'number').map((k) => [k, schema![k] as number]));
      if (Object.keys(bounds).length > 0) queryBounds[String(param['name'])] = bounds;
    }
    lists[op.path] = { listKey, queryBounds };
  }
  return [
    "/** The lists `paginate()` walks, by path: the page's list property and the numeric bounds of the query parameters. */",
    'export interface PageList {',
    '  listKey: string;',
    '  queryBounds: Record<string, { minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number }>;',
    '}',
    '',
    `export const pageLists: Record<string, PageList> = ${JSON.stringify(lists, null, 2)};`,
    '',
  ].join('\n');
}

function successStatus(operation: JsonObject): string | undefined {
  const responses = isPlainObject(operation['responses']) ? Object.keys(operation['responses']) : [];
  return responses.filter((s) => /^2\d\d$/.test(s)).sort()[0];
}

function plan(doc: Record<string, unknown>, op: OperationRef): ResourcePlan {
  const route = resourceRoute(op.method, op.path);
  const params = operationParameters(doc, op).map(({ param }) => param);
  const queryParams = params.filter((p) => p['in'] === 'query');
  const pathParamDocs = Object.fromEntries(
    params.filter((p) => p['in'] === 'path' && text(p['description']) !== '').map((p) => [String(p['name']), text(p['description'])]),
  );
  const requestBody = deref(doc, op.operation['requestBody']);
  const hasJsonBody =
    isPlainObject(requestBody) && isPlainObject(requestBody['content']) && requestBody['content']['application/json'] !== undefined;
  return {
    ...route,
    operationId: String(op.operation['operationId']),
    method: op.method.toUpperCase(),
    path: op.path,
    query: queryParams.length > 0,
    queryRequired: queryParams.some((p) => p['required'] === true),
    body: hasJsonBody,
    bodyRequired: hasJsonBody && requestBody['required'] === true,
    list:
      op.method === 'get' &&
      queryParams.some((p) => PAGING_PARAMS.includes(String(p['name']))) &&
      listKeyOf(doc, op.operation) !== undefined,
    typePrefix: identifier(
      [...route.groups, route.name].map(pascal).join(''),
      `${op.method.toUpperCase()} ${op.path}: the type name prefix`,
    ),
    summary: text(op.operation['summary']),
    description: text(op.operation['description']),
    pathParamDocs,
    successStatus: successStatus(op.operation),
  };
}

/** One plan per operation, in spec order. Throws when the rule gives two operations one name. */
export function planResources(doc: Record<string, unknown>): ResourcePlan[] {
  const plans = specOperations(doc).map((op) => plan(doc, op));
  const methods = new Map<string, ResourcePlan>();
  for (const p of plans) {
    const key = [...p.groups, p.name].join('.');
    const other = methods.get(key);
    if (other)
      throw new Error(
        `resource method ${key} would call both ${other.operationId} and ${p.operationId}; rename a path or extend the rule in scripts/lib/generate-resources.ts`,
      );
    methods.set(key, p);
  }
  for (const p of plans) {
    for (let i = 1; i <= p.groups.length; i++) {
      const group = p.groups.slice(0, i).join('.');
      const clash = methods.get(group);
      if (clash) throw new Error(`${group} is both a resource method (${clash.operationId}) and a group (${p.operationId})`);
    }
  }
  return plans;
}

const jsdoc = (lines: string[], indent: string) => {
  const body = lines.flatMap((l) => l.split(LINE_TERMINATORS)).map((l) => commentText(l).trimEnd());
  while (body.at(-1) === '') body.pop();
  return [`${indent}/**`, ...body.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`].join('\n');
};

const opType = (p: ResourcePlan) => `operations[${JSON.stringify(p.operationId)}]`;

function responseType(p: ResourcePlan): string {
  if (p.successStatus === undefined) return 'undefined';
  return `NonNullable<${opType(p)}['responses'][${p.successStatus}]['content']>['application/json']['data']`;
}

interface ResourceObject {
  name: string;
  expr: string;
  description: string;
  from: ResourcePlan;
}

/** Data properties whose schema carries an `object` constant (`order`, `payment`…), per operation. */
function resourceObjects(doc: Record<string, unknown>, plans: ResourcePlan[]): ResourceObject[] {
  // Where an object is defined best: its own group's get-by-id, then other reads, then writes.
  const rank = (p: ResourcePlan, value: string) =>
    (p.groups.at(-1) === `${value}s` ? 0 : 3) + (p.method === 'GET' ? (/\}$/.test(p.path) ? 0 : 1) : 2);
  const candidates: { p: ResourcePlan; i: number; value: string; object: ResourceObject }[] = [];
  const schemas = isPlainObject(doc['components']) ? doc['components']['schemas'] : undefined;
  plans.forEach((p, i) => {
    if (p.successStatus === undefined) return;
    const op = specOperations(doc).find((o) => o.operation['operationId'] === p.operationId);
    const response = deref(doc, isPlainObject(op?.operation['responses']) ? op.operation['responses'][p.successStatus] : undefined);
    const media = isPlainObject(response) && isPlainObject(response['content']) ? response['content']['application/json'] : undefined;
    const envelope = deref(doc, isPlainObject(media) ? media['schema'] : undefined);
    const data = deref(doc, isPlainObject(envelope) && isPlainObject(envelope['properties']) ? envelope['properties']['data'] : undefined);
    const props = isPlainObject(data) && isPlainObject(data['properties']) ? data['properties'] : {};
    for (const [key, raw] of Object.entries(props)) {
      const schema = deref(doc, raw);
      const isArray = isPlainObject(schema) && schema['type'] === 'array';
      const item = deref(doc, isArray ? schema['items'] : schema);
      const objectProp = deref(doc, isPlainObject(item) && isPlainObject(item['properties']) ? item['properties']['object'] : undefined);
      const value = isPlainObject(objectProp)
        ? (objectProp['const'] ??
          (Array.isArray(objectProp['enum']) && objectProp['enum'].length === 1 ? objectProp['enum'][0] : undefined))
        : undefined;
      if (typeof value !== 'string' || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(value)) continue;
      const base = `NonNullable<NonNullable<${p.typePrefix}Response>[${JSON.stringify(key)}]>`;
      const where = `\`fungies.${[...p.groups, p.name].join('.')}()\``;
      // A resource the spec models as a component of its own is that component: one type wherever it appears.
      const component =
        isPlainObject(schemas) && isPlainObject(schemas[pascal(value)])
          ? `components["schemas"][${JSON.stringify(pascal(value))}]`
          : undefined;
      const object = {
        name: pascal(value),
        expr: component ?? (isArray ? `${base}[number]` : base),
        description:
          text(isPlainObject(item) ? item['description'] : undefined) ||
          text(isPlainObject(schema) ? schema['description'] : undefined) ||
          `${/^[aeio]/i.test(value) ? 'An' : 'A'} \`${value}\` object, as ${where} returns it.`,
        from: p,
      };
      candidates.push({ p, i, value, object });
    }
  });
  candidates.sort((a, b) => rank(a.p, a.value) - rank(b.p, b.value) || a.i - b.i);
  const found = new Map<string, ResourceObject>();
  for (const c of candidates) if (!found.has(c.object.name)) found.set(c.object.name, c.object);
  // Resource components (`Order` whose `object` constant is `order`) are named types of their own, used or not by an operation.
  for (const [name, schema] of Object.entries(isPlainObject(schemas) ? schemas : {})) {
    const objectProp = isPlainObject(schema) && isPlainObject(schema['properties']) ? schema['properties']['object'] : undefined;
    const value = isPlainObject(objectProp)
      ? (objectProp['const'] ?? (Array.isArray(objectProp['enum']) ? objectProp['enum'][0] : undefined))
      : undefined;
    if (typeof value !== 'string' || pascal(value) !== name || found.get(name)?.expr.startsWith('components')) continue;
    const description =
      text(isPlainObject(schema) ? schema['description'] : undefined) ||
      `${/^[aeio]/i.test(value) ? 'An' : 'A'} \`${value}\` object, wherever the API or a webhook shows one.`;
    found.set(name, { name, expr: `components["schemas"][${JSON.stringify(name)}]`, description, from: plans[0]! });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function typesModule(doc: Record<string, unknown>, plans: ResourcePlan[]): string {
  const out = [
    "/** Named types for every resource object and every operation's params, query, body and response. */",
    "import type { components, operations } from './api.js';",
    '',
  ];
  const names = new Set<string>();
  const add = (name: string, comment: string[], expr: string) => {
    identifier(name, 'type name');
    if (names.has(name)) throw new Error(`two named types would be called ${name}; extend the rule in scripts/lib/generate-resources.ts`);
    names.add(name);
    out.push(jsdoc(comment, ''), `export type ${name} = ${expr};`, '');
  };
  for (const p of plans) {
    const call = `\`fungies.${[...p.groups, p.name].join('.')}()\` (\`${p.method} ${p.path}\`)`;
    const title = p.summary || p.operationId;
    if (p.pathParams.length > 0)
      add(`${p.typePrefix}Params`, [`Path parameters of ${title}: ${call}.`], `${opType(p)}['parameters']['path']`);
    if (p.query)
      add(`${p.typePrefix}Query`, [`Query parameters of ${title}: ${call}.`], `NonNullable<${opType(p)}['parameters']['query']>`);
    if (p.body)
      add(
        `${p.typePrefix}Body`,
        [`Request body of ${title}: ${call}.`],
        `NonNullable<${opType(p)}['requestBody']>['content']['application/json']`,
      );
    add(`${p.typePrefix}Response`, [`What ${call} returns: the \`data\` of its ${p.successStatus ?? '2xx'} response.`], responseType(p));
  }
  for (const r of resourceObjects(doc, plans)) add(r.name, [r.description], r.expr);
  return out.join('\n');
}

type Tree = { methods: ResourcePlan[]; groups: Map<string, Tree> };

function tree(plans: ResourcePlan[]): Tree {
  const root: Tree = { methods: [], groups: new Map() };
  for (const p of plans) {
    let node = root;
    for (const g of p.groups) {
      if (!node.groups.has(g)) node.groups.set(g, { methods: [], groups: new Map() });
      node = node.groups.get(g) as Tree;
    }
    node.methods.push(p);
  }
  return root;
}

function signature(p: ResourcePlan): string {
  const args: { name: string; type: string; optional: boolean }[] = p.pathParams.map((name) => ({
    name: identifier(name, `${p.method} ${p.path}: path parameter`),
    type: 'string',
    optional: false,
  }));
  if (p.body) args.push({ name: 'body', type: `T.${p.typePrefix}Body`, optional: !p.bodyRequired });
  if (p.query) args.push({ name: 'query', type: `T.${p.typePrefix}Query`, optional: !p.queryRequired });
  // An optional argument before a required one cannot be left out; it takes undefined instead.
  for (let i = args.length - 2; i >= 0; i--) {
    const arg = args[i];
    if (arg?.optional && args.slice(i + 1).some((a) => !a.optional)) {
      arg.optional = false;
      arg.type += ' | undefined';
    }
  }
  const params = [...args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`), 'options?: RequestOptions'].join(', ');
  const result = p.list
    ? `ListPromise<T.${p.typePrefix}Response, PageItem<${JSON.stringify(p.path)}>>`
    : `ApiPromise<T.${p.typePrefix}Response>`;
  return `${propertyKey(p.name)}(${params}): ${result};`;
}

function interfaceBody(node: Tree, indent: string, tags: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const p of node.methods) {
    const docLines = [
      p.summary || p.operationId,
      ...(p.description && p.description !== p.summary ? ['', p.description] : []),
      '',
      `\`${p.method} ${p.path}\` (${p.operationId})`,
    ];
    if (p.list) docLines.push('', 'Await it for one page; iterate it with `for await` for every item across pages (from the first page).');
    const params = p.pathParams.map((name) => `@param ${name} ${p.pathParamDocs[name] ?? ''}`.trimEnd());
    if (params.length > 0) docLines.push('', ...params);
    lines.push(jsdoc(docLines, indent), `${indent}${signature(p)}`);
  }
  for (const [name, child] of node.groups) {
    const tag = tags.get(name);
    if (tag) lines.push(jsdoc([tag], indent));
    lines.push(`${indent}readonly ${propertyKey(name)}: {`, ...interfaceBody(child, `${indent}  `, tags), `${indent}};`);
  }
  return lines;
}

function table(node: Tree): unknown {
  const out: Record<string, unknown> = {};
  for (const p of node.methods) {
    out[p.name] = {
      operationId: p.operationId,
      method: p.method,
      path: p.path,
      pathParams: p.pathParams,
      query: p.query,
      body: p.body,
      list: p.list,
    };
  }
  for (const [name, child] of node.groups) out[name] = table(child);
  return out;
}

function resourcesModule(doc: Record<string, unknown>, plans: ResourcePlan[]): string {
  const root = tree(plans);
  const tags = new Map<string, string>();
  for (const t of Array.isArray(doc['tags']) ? doc['tags'] : [])
    if (isPlainObject(t) && typeof t['description'] === 'string') tags.set(String(t['name']), t['description']);
  return [
    '/** The resource methods: which operation each one sends (read at run time) and their typed signatures. */',
    "import type { PageItem } from '../src/paginate.js';",
    "import type { ApiPromise, ListPromise } from '../src/resources/api-promise.js';",
    "import type { RequestOptions } from '../src/request-options.js';",
    "import type { ResourceTable } from '../src/resources/resource-table.js';",
    "import type * as T from './types.js';",
    '',
    '/** What each resource method sends; src/resources/build.ts turns it into functions. */',
    `export const resourceTable = ${JSON.stringify(table(root), null, 2)} as const satisfies ResourceTable;`,
    '',
    '/** The resource groups: `fungies.orders.list()`, `fungies.products.variants.update()`, … */',
    'export interface FungiesResources {',
    ...interfaceBody(root, '  ', tags),
    '}',
    '',
  ].join('\n');
}

/** generated/resources.ts and generated/types.ts, without their banner. */
export function resourceFiles(doc: Record<string, unknown>): Map<string, string> {
  const plans = planResources(doc);
  return new Map([
    ['resources.ts', resourcesModule(doc, plans)],
    ['types.ts', typesModule(doc, plans)],
    ['pagination.ts', paginationModule(doc, plans)],
  ]);
}
